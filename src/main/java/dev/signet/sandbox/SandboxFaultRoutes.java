package dev.signet.sandbox;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers requests to the fake X (v1.1 and v2) with the armed {@link SandboxFaults} before the normal routes
 * see them: X's error shapes and rate-limit headers, slow answers, bodies that are not JSON.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxFaultRoutes {

    private final SandboxConfig config;
    private final SandboxFaults faults;
    private final Vertx vertx;
    private final XJson json;
    private final XJsonV2 jsonV2;

    public SandboxFaultRoutes(SandboxConfig config, SandboxFaults faults, Vertx vertx, XJson json, XJsonV2 jsonV2) {
        this.config = config;
        this.faults = faults;
        this.vertx = vertx;
        this.json = json;
        this.jsonV2 = jsonV2;
    }

    void init(@Observes Router router) {
        String base = config.xBasePath().replaceAll("/+$", "") + "/";
        router.route(base + "*").order(-1000).handler(this::maybeFail);
    }

    private void maybeFail(RoutingContext ctx) {
        faults.take(ctx.normalizedPath()).ifPresentOrElse(fault -> {
            if (fault.delayMillis() > 0) {
                vertx.setTimer(fault.delayMillis(), ignored -> answer(ctx, fault));
            } else {
                answer(ctx, fault);
            }
        }, () -> {
            ctx.put(AFTER_WRITE, (AfterWrite) this::loseAnswer);
            ctx.next();
        });
    }

    /** Key of the {@link AfterWrite} hook that {@link XHttp#respond} asks before answering a request carried out. */
    static final String AFTER_WRITE = "signet.sandbox.after-write";

    /** Decides, once a request was carried out, whether its answer is lost (an armed after-write fault). */
    @FunctionalInterface
    interface AfterWrite {
        /**
         * Returns true when it took over the answer: {@code answer} runs late, a failure is sent instead, or
         * {@code oddAnswer} sends the same status with another body.
         */
        boolean loseAnswer(RoutingContext ctx, Runnable answer, Consumer<String> oddAnswer);
    }

    private boolean loseAnswer(RoutingContext ctx, Runnable answer, Consumer<String> oddAnswer) {
        return faults.takeAfterWrite(ctx.normalizedPath()).map(fault -> {
            Runnable lost = () -> {
                if (fault.oddBody() != null) {
                    oddAnswer.accept(fault.oddBody());
                } else if (fault.status() == 0) {
                    answer.run();
                } else {
                    answer(ctx, fault);
                }
            };
            if (fault.delayMillis() > 0) {
                vertx.setTimer(fault.delayMillis(), ignored -> lost.run());
            } else {
                lost.run();
            }
            return true;
        }).orElse(false);
    }

    private void answer(RoutingContext ctx, SandboxFault fault) {
        if (ctx.response().ended()) {
            return;
        }
        if (fault.malformed()) {
            ctx.response().setStatusCode(200).putHeader("content-type", "application/json").end("{\"data\": [ this is not json");
            return;
        }
        if (fault.status() == 0) {
            ctx.next();
            return;
        }
        // v2 paths answer X's v2 problem (application/problem+json), as X's OpenAPI spec describes; v1.1 its errors.
        boolean v2 = ctx.normalizedPath().startsWith(XHttp.trimTrailingSlash(config.xBasePath()) + "/2/");
        XApiException error = fault.status() == 429 ? XApiException.rateLimitExceeded()
                : new XApiException(fault.status(), 131, "Internal error");
        var response = ctx.response().setStatusCode(fault.status())
                .putHeader("content-type", v2 ? XHttp.PROBLEM_JSON : "application/json");
        if (fault.status() == 429) {
            long reset = Instant.now().getEpochSecond() + Math.max(1, fault.resetInSeconds());
            String distortion = fault.distortion() == null ? "" : fault.distortion();
            switch (distortion) {
                case SandboxFault.NO_RESET -> response.putHeader("x-rate-limit-limit", "75")
                        .putHeader("x-rate-limit-remaining", "0");
                case SandboxFault.ODD_HEADERS -> response.putHeader("x-rate-limit-limit", "unlimited")
                        .putHeader("x-rate-limit-remaining", "none").putHeader("x-rate-limit-reset", "soon");
                case SandboxFault.RESET_IN_MS -> response.putHeader("x-rate-limit-limit", "75")
                        .putHeader("x-rate-limit-remaining", "0")
                        .putHeader("x-rate-limit-reset", Long.toString(reset * 1000));
                default -> response.putHeader("x-rate-limit-limit", "75").putHeader("x-rate-limit-remaining", "0")
                        .putHeader("x-rate-limit-reset", Long.toString(reset));
            }
        }
        if (v2) {
            response.end(Buffer.buffer(json.bytes(jsonV2.problem(error))));
        } else {
            response.end("{\"errors\":[{\"code\":" + error.code() + ",\"message\":\"" + error.getMessage() + "\"}]}");
        }
    }
}
