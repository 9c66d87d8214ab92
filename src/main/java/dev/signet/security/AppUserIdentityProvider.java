package dev.signet.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.signet.audit.AuditTrail;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks form-login and HTTP Basic credentials against the {@code app_user} table. Hand-written because
 * quarkus-security-jpa is not served for Quarkus 3.30.8 (see VERIFIED-DEPENDENCIES.md).
 */
@ApplicationScoped
public class AppUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AppUserService users;
    private final AuditTrail audit;
    private final String loginPath;

    public AppUserIdentityProvider(AppUserService users, AuditTrail audit,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String loginPath) {
        this.users = users;
        this.audit = audit;
        this.loginPath = loginPath;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Optional<AppUser> user = users.authenticate(request.getUsername(), request.getPassword().getPassword());
            audited(request, user.isPresent());
            return user.map(u -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(u.username()))
                    .addRole(u.role())
                    .addAttribute(PasswordChangeGate.MUST_CHANGE, u.mustChangePassword())
                    .addCredential(request.getPassword())
                    .build())
                    .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password"));
        });
    }

    /**
     * Audits a form login, and every failed check of a password (form or HTTP Basic). A successful Basic call is
     * no login of its own: each API request carries the password again, and recording each would bury the log.
     */
    private void audited(UsernamePasswordAuthenticationRequest request, boolean succeeded) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean form = rc != null && loginPath.equals(rc.normalizedPath());
        if (form || !succeeded) {
            audit.recordLogin(request.getUsername(), succeeded, form ? "form" : "basic", rc == null ? null : AuditTrail.address(rc));
        }
    }
}
