package dev.signet.web;

import jakarta.enterprise.context.RequestScoped;

import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token of the current request for the layout's {@code <meta name="csrf-token">} (through {@link WebPageFrames}),
 * which {@code /js/signet.js} sends as the {@code X-CSRF-TOKEN} header on every htmx request. Quarkus REST CSRF
 * keeps the token in the routing context under {@code csrf_token}; {@code inject:csrf.token} throws where the CSRF
 * filter did not run (error pages rendered outside REST), so the frame reads it here and gets null there.
 */
@RequestScoped
class PageToken {

    /** The routing-context key under which Quarkus REST CSRF keeps the request's token. */
    static final String KEY = "csrf_token";

    private final RoutingContext routing;

    PageToken(RoutingContext routing) {
        this.routing = routing;
    }

    /** The token, or null where none was issued for this request. */
    String value() {
        Object token = routing.get(KEY);
        return token instanceof String s ? s : null;
    }
}
