package dev.signet.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The logged-in user of this request, loaded once. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final AppUserService users;
    private AppUser user;

    public CurrentUser(SecurityIdentity identity, AppUserService users) {
        this.identity = identity;
        this.users = users;
    }

    public AppUser get() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            user = users.findByUsername(identity.getPrincipal().getName()).orElseThrow(UnauthorizedException::new);
        }
        return user;
    }
}
