package dev.signet.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks form-login and HTTP Basic credentials against the {@code app_user} table. Hand-written because
 * quarkus-security-jpa is not served for Quarkus 3.30.8 (see VERIFIED-DEPENDENCIES.md).
 */
@ApplicationScoped
public class AppUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AppUserService users;

    public AppUserIdentityProvider(AppUserService users) {
        this.users = users;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> users.authenticate(request.getUsername(), request.getPassword().getPassword())
                .map(user -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user.username()))
                        .addRole(user.role())
                        .addAttribute(PasswordChangeGate.MUST_CHANGE, user.mustChangePassword())
                        .addCredential(request.getPassword())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password")));
    }
}
