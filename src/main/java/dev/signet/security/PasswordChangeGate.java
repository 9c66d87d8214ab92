package dev.signet.security;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A user who must change their password (the first admin made by the bootstrap) does that before anything else: pages
 * send them to {@code /account/password}, the API answers 403 with the reason.
 */
public class PasswordChangeGate {

    /** Identity attribute of a local user whose password must be changed first. */
    static final String MUST_CHANGE = "signet.must-change-password";
    static final String CHANGE_PAGE = "/account/password";
    private static final Set<String> ALLOWED = Set.of(CHANGE_PAGE, "/logout", "/login");

    private final CurrentIdentityAssociation identities;

    public PasswordChangeGate(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (ALLOWED.contains(path) || !credentialsSent(request)) {
            return Uni.createFrom().nullItem();
        }
        // A failed authentication is left to the resource's own security check, which answers it (401).
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> mustChange(identity) ? refuse(path) : null);
    }

    private static boolean credentialsSent(ContainerRequestContext request) {
        return request.getHeaderString("Authorization") != null || request.getCookies().containsKey("quarkus-credential");
    }

    private static boolean mustChange(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && Boolean.TRUE.equals(identity.getAttribute(MUST_CHANGE));
    }

    private static Response refuse(String path) {
        if (path.startsWith("/api/") || path.equals("/api")) {
            throw PasswordRejectedException.changeRequired(CHANGE_PAGE);
        }
        return Response.seeOther(URI.create(CHANGE_PAGE)).build();
    }
}
