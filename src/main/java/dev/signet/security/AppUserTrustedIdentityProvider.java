package dev.signet.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Restores the identity of a form-login session (the encrypted cookie names the user) from the
 * {@code app_user} table, so that a removed user or a changed role takes effect at the next request.
 */
@ApplicationScoped
public class AppUserTrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AppUserService users;

    public AppUserTrustedIdentityProvider(AppUserService users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> users.findByUsername(request.getPrincipal())
                .map(user -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user.username()))
                        .addRole(user.role())
                        .addAttribute(PasswordChangeGate.MUST_CHANGE, user.mustChangePassword())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("the session's user no longer exists")));
    }
}
