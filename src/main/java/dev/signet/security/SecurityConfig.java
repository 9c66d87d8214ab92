package dev.signet.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How people log in: company login through the identity provider (OIDC, switched on with
 * {@code quarkus.oidc.tenant-enabled}; the {@code quarkus.oidc.*} keys name the provider and the client) and how its
 * token claims become Signet users; local passwords (lockout, first-admin bootstrap).
 */
@ConfigMapping(prefix = "signet.security")
public interface SecurityConfig {

    /** Mapping of the identity provider's token claims to Signet users. */
    Oidc oidc();

    /** Lockout of local-password logins after repeated failures. */
    Lockout lockout();

    /**
     * One-time token that lets {@code /bootstrap} create the first admin of an install that uses local passwords
     * (set {@code SIGNET_BOOTSTRAP_TOKEN} from a Secret, at least 24 characters). Unset: no bootstrap. Once used, or
     * once any admin exists, the page refuses it; remove it from the environment afterwards.
     */
    Optional<String> bootstrapToken();

    /** Shortest password accepted for a local account (bootstrap and password change). */
    @WithDefault("12")
    int minPasswordLength();

    /** Claim names and role names of the identity provider. */
    interface Oidc {

        /**
         * Claim that holds the user's groups or roles at the identity provider; a path with {@code /} reaches into
         * nested objects (Keycloak's realm roles: {@code realm_access/roles}). Read from the ID token (pages) and the
         * access token (API): the provider must put it in both.
         */
        @WithDefault("groups")
        String rolesClaim();

        /**
         * Role-name mapping from the identity provider's group or role names to Signet's roles ({@code agent},
         * {@code lead}, {@code brand-manager}, {@code admin}), e.g.
         * {@code signet.security.oidc.role-mapping."care-agents"=agent}. Signet's own role names always map to
         * themselves. A user with none of the mapped names gets a 403 page saying so.
         */
        Map<String, String> roleMapping();

        /** Claim holding the initials that sign the user's replies (2 to 4 letters); when absent, taken from the name. */
        @WithDefault("initials")
        String initialsClaim();

        /** Claim holding the user's full name, shown to colleagues and in hand-offs. */
        @WithDefault("name")
        String nameClaim();

        /** Claim holding the user name (unique, stable at the provider); {@code sub} when this one is absent. */
        @WithDefault("preferred_username")
        String usernameClaim();
    }

    /** Lockout of local-password logins (form and HTTP Basic). */
    interface Lockout {

        /** Failed password logins in a row, per user, after which the user is locked. */
        @WithDefault("5")
        int maxFailures();

        /** How long a locked user stays locked (an admin can unlock earlier). */
        @WithDefault("15m")
        Duration duration();
    }
}
