package dev.signet.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Test-only stand-ins until the security feature provides Signet's user store: the skeleton enables form and basic
 * login, and Quarkus answers every HTTP request with 500 while no identity provider takes a username and password
 * (basic, form) or a trusted request (the form's session cookie). These authenticate nobody: a null identity lets
 * any other provider try, so they are harmless next to the real providers and can be deleted once those exist.
 */
final class NoLoginYetIdentityProviders {

    private NoLoginYetIdentityProviders() {
    }

    @ApplicationScoped
    @Unremovable
    static class UsernamePassword implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return Uni.createFrom().nullItem();
        }
    }

    @ApplicationScoped
    @Unremovable
    static class Trusted implements IdentityProvider<TrustedAuthenticationRequest> {

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return Uni.createFrom().nullItem();
        }
    }
}
