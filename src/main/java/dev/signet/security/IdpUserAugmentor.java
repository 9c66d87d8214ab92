package dev.signet.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns an identity the company's identity provider vouched for (an ID token from the code flow, or a bearer access
 * token) into a Signet user: the roles are only those the token's groups map to ({@link IdpClaims}), never the
 * provider's raw names; the principal is the Signet user name; the user's {@code app_user} row is made at first sight
 * and kept in step with the claims. A token that maps to no Signet role keeps a role-less identity, which every page
 * and API route answers with 403 and a page saying why. Identities from local passwords pass unchanged.
 */
@ApplicationScoped
public class IdpUserAugmentor implements SecurityIdentityAugmentor {

    /** Attribute set on identities that came through the company login (logout goes through the provider). */
    public static final String COMPANY_LOGIN = "signet.company-login";

    private static final Logger LOG = Logger.getLogger(IdpUserAugmentor.class);

    private final AppUserService users;
    private final SecurityConfig config;

    public IdpUserAugmentor(AppUserService users, SecurityConfig config) {
        this.users = users;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<IdpUser> mapped = IdpClaims.map(token::getClaim, config.oidc());
        if (mapped.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token names no user"));
        }
        IdpUser idp = mapped.get();
        if (idp.role() == null) {
            LOG.infof("company login without a Signet role: user=%s claim=%s", idp.username(), config.oidc().rolesClaim());
            return Uni.createFrom().item(build(identity, idp));
        }
        return context.runBlocking(() -> {
            users.fromIdentityProvider(idp);
            return build(identity, idp);
        });
    }

    private static SecurityIdentity build(SecurityIdentity identity, IdpUser idp) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(idp.username()))
                .addRoles(idp.roles())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(COMPANY_LOGIN, Boolean.TRUE)
                .build();
    }
}
