package dev.signet.sandbox;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** What every answer of the fake X API has in common, v1.1 or v2: a JSON body and the rate-limit headers. */
final class XHttp {

    static final String JSON = "application/json;charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json";

    private XHttp() {
    }

    /** Ends the response with this status, content type and body, and the three {@code x-rate-limit-*} headers. */
    static void respond(RoutingContext ctx, SandboxRateLimiter.Window window, int status, String contentType,
            byte[] body) {
        SandboxFaultRoutes.AfterWrite afterWrite = ctx.get(SandboxFaultRoutes.AFTER_WRITE);
        Runnable answer = () -> write(ctx, window, status, contentType, body);
        // Fault injection: a request carried out (2xx) may have its answer lost, late, replaced by a failure, or
        // given an unexpected body.
        if (status < 300 && afterWrite != null && afterWrite.loseAnswer(ctx, answer,
                odd -> write(ctx, window, status, contentType, odd.getBytes(StandardCharsets.UTF_8)))) {
            return;
        }
        answer.run();
    }

    private static void write(RoutingContext ctx, SandboxRateLimiter.Window window, int status, String contentType,
            byte[] body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status);
        response.putHeader("content-type", contentType);
        response.putHeader("x-rate-limit-limit", Integer.toString(window.limit()));
        response.putHeader("x-rate-limit-remaining", Integer.toString(window.remaining()));
        response.putHeader("x-rate-limit-reset", Long.toString(window.resetEpochSecond()));
        response.end(Buffer.buffer(body));
    }

    static String trimTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
