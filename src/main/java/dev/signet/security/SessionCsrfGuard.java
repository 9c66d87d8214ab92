package dev.signet.security;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.api.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF for every state-changing request a browser makes with a session cookie (form login's or the company login's),
 * whatever its content type, and for
 * the login form. Quarkus REST CSRF checks the token of form posts (field) and of requests that send the
 * {@code X-CSRF-TOKEN} header, but lets a body-less or {@code text/plain} POST through without any token; this
 * filter, before authentication and the REST layer, refuses with a 403 problem:
 * <ul>
 * <li>a request with the session cookie that is neither a form post (whose token REST CSRF checks) nor carries the
 * token header (whose value REST CSRF checks against the cookie);</li>
 * <li>a request with the session cookie, or a login post, that the browser says comes from another site or origin
 * ({@code Sec-Fetch-Site} other than {@code same-origin}/{@code none}, or else an {@code Origin} other than this
 * host) — another port of the same host is another origin.</li>
 * </ul>
 * The login form posts to Quarkus' form authentication ({@code /j_security_check}), which reads the body itself, so
 * its token can't be read here without consuming the body; Fetch Metadata and Origin are what guard it (the way
 * OWASP's cheat sheet and Go's {@code CrossOriginProtection} do). API clients (HTTP Basic, no session cookie) are not
 * touched: a cross-site page can't make a browser send Basic credentials it was never given.
 */
@ApplicationScoped
public class SessionCsrfGuard {

    private static final Logger LOG = Logger.getLogger(SessionCsrfGuard.class);
    /** After the body-size filter (300), before authentication and the REST layer. */
    private static final int PRIORITY = 290;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME = Set.of("same-origin", "none");
    /** quarkus-oidc's session cookie of the company login (default tenant). */
    private static final String COMPANY_SESSION_COOKIE = "q_session";

    private final ObjectMapper mapper;
    private final String loginPath;
    private final String sessionCookie;
    private final String tokenHeader;

    public SessionCsrfGuard(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String loginPath,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String sessionCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String tokenHeader) {
        this.mapper = mapper;
        this.loginPath = loginPath;
        this.sessionCookie = sessionCookie;
        this.tokenHeader = tokenHeader;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        boolean login = path.equals(loginPath);
        boolean session = request.getCookie(sessionCookie) != null || hasCompanySession(request);
        if (SAFE.contains(request.method().name()) || !(login || session)) {
            rc.next();
            return;
        }
        String refusal = refusal(request, login);
        if (refusal == null) {
            rc.next();
            return;
        }
        LOG.infof("csrf refused: method=%s path=%s reason=\"%s\"", request.method().name(), path, refusal);
        Buffer problem = Buffer.buffer(json(new Problem(URI.create("/problems/csrf"), "Forbidden", 403, refusal, path, null)));
        rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem);
    }

    /** A company-login session (quarkus-oidc's cookie, in chunks when long) is a session cookie too. */
    private static boolean hasCompanySession(HttpServerRequest request) {
        for (io.vertx.core.http.Cookie cookie : request.cookies()) {
            if (cookie.getName().startsWith(COMPANY_SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }

    /** Why this state-changing request is refused, or null when it may go on. */
    String refusal(HttpServerRequest request, boolean login) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            if (!SAME.contains(site.toLowerCase(Locale.ROOT))) {
                return "The request comes from another site or origin (" + site + "); pages post only to their own origin.";
            }
        } else {
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            if (origin != null && !sameOrigin(origin, authority(request))) {
                return "The request comes from another origin; pages post only to their own origin.";
            }
        }
        if (login || isForm(request.getHeader(HttpHeaders.CONTENT_TYPE)) || request.getHeader(tokenHeader) != null) {
            return null;
        }
        return "A request made with the session cookie needs the page's CSRF token (form field or " + tokenHeader
                + " header), whatever its content type.";
    }

    /** This request's host and port as the browser addressed it (the Host header, or the forwarded one). */
    private static String authority(HttpServerRequest request) {
        io.vertx.core.net.HostAndPort a = request.authority();
        if (a == null) {
            return null;
        }
        return a.port() >= 0 ? a.host() + ":" + a.port() : a.host();
    }

    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
    }

    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            // "null" or garbage is no origin of ours: refused like any other one.
            return false;
        }
    }

    private byte[] json(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A problem record could not be written as JSON", e);
        }
    }
}
