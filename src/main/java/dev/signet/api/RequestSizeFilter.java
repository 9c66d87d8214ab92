package dev.signet.api;

import java.io.UncheckedIOException;
import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared body is larger than its route takes ({@link ApiLimitsConfig}) with a 413
 * problem, before any of it is parsed. The body is drained (bounded by {@code quarkus.http.limits.max-body-size})
 * rather than cut off, so the client reads the answer instead of a broken pipe.
 */
@ApplicationScoped
public class RequestSizeFilter {

    private static final Logger LOG = Logger.getLogger(RequestSizeFilter.class);
    /** Before authentication and the REST layer. */
    private static final int PRIORITY = 300;

    private final ApiLimitsConfig limits;
    private final ObjectMapper mapper;
    private final String loginPath;

    public RequestSizeFilter(ApiLimitsConfig limits, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String loginPath) {
        this.limits = limits;
        this.mapper = mapper;
        this.loginPath = loginPath;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String path = rc.normalizedPath();
        if (declared == null || limits.uploadPaths().stream().anyMatch(path::startsWith)) {
            rc.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            // Vert.x itself answers 400 to a malformed Content-Length; nothing to bound here.
            rc.next();
            return;
        }
        long limit = path.equals(loginPath) ? limits.loginBodyBytes() : limits.bodyBytes();
        if (length <= limit) {
            rc.next();
            return;
        }
        LOG.infof("request body refused: path=%s length=%d limit=%d", path, length, limit);
        Buffer problem = Buffer.buffer(json(new Problem(URI.create("/problems/request-too-large"), "Request too large",
                413, "The body has " + length + " bytes; this route takes at most " + limit + ".", path, null)));
        rc.request().handler(chunk -> {
            // drained and dropped
        });
        rc.request().endHandler(done -> rc.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem));
        rc.request().resume();
    }

    private byte[] json(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A problem record could not be written as JSON", e);
        }
    }
}
