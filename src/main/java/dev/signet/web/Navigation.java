package dev.signet.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.signet.security.Role;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The top bar's links (through {@link WebPageFrames}), following the logged-in user's role: a link is shown only to the roles
 * its page lets in (the same roles as the page's {@code @RolesAllowed}), so that nobody is offered a page that
 * answers 403. A visitor who is not logged in sees no links.
 */
@RequestScoped
class Navigation {

    /** One link of the top bar and the roles whose users may open it. */
    record Link(String href, String label, Set<String> roles) {
    }

    private static final Set<String> CARE = Set.of(Role.AGENT, Role.LEAD, Role.ADMIN);

    /** In the order shown; the roles mirror each page's {@code @RolesAllowed}. */
    static final List<Link> LINKS = List.of(
            new Link("/queue", "Queue", CARE),
            new Link("/customers", "Customers", CARE),
            new Link("/goodwill", "Goodwill", CARE),
            new Link("/canned", "Canned replies", CARE),
            new Link("/admin", "Channel health", Set.of(Role.LEAD, Role.ADMIN)),
            new Link("/insights", "Insights", Set.of(Role.BRAND_MANAGER, Role.ADMIN)),
            new Link("/users", "Users", Set.of(Role.ADMIN)),
            new Link("/admin/audit", "Audit log", Set.of(Role.ADMIN)));

    /** The sandbox console exists only where the sandbox does (never in production). */
    private static final Link SANDBOX = new Link("/sandbox/console", "Sandbox console", Set.of());

    private final SecurityIdentity identity;
    private final boolean sandbox;

    Navigation(SecurityIdentity identity,
            @ConfigProperty(name = "signet.sandbox.enabled", defaultValue = "false") boolean sandbox) {
        this.identity = identity;
        this.sandbox = sandbox;
    }

    /** The links this user may follow; none for a visitor who is not logged in. */
    List<Link> links() {
        if (identity.isAnonymous()) {
            return List.of();
        }
        List<Link> shown = LINKS.stream().filter(l -> l.roles().stream().anyMatch(identity::hasRole)).toList();
        return sandbox ? java.util.stream.Stream.concat(shown.stream(), java.util.stream.Stream.of(SANDBOX)).toList() : shown;
    }
}
