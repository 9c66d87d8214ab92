package dev.signet.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * HTTP for the fake X v1.1 API under {@code <signet.sandbox.x-base-path>/1.1/}: reads parameters, calls
 * {@link SandboxXService}, writes JSON, X's errors and the rate-limit headers on every answer. Registered on the
 * Vert.x router at start because the base path is configuration, not a compile-time constant.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxXRoutes {

    private static final long BODY_LIMIT_BYTES = 64 * 1024;

    /** What an endpoint does once the caller is known and counted. */
    @FunctionalInterface
    private interface Action {
        Object run(XCaller caller, RoutingContext ctx);
    }

    private final SandboxConfig config;
    private final SandboxXService x;
    private final XJson json;
    private final ObjectMapper mapper;
    private final SandboxPageDistortions distortions;

    public SandboxXRoutes(SandboxConfig config, SandboxXService x, XJson json, ObjectMapper mapper,
            SandboxPageDistortions distortions) {
        this.config = config;
        this.x = x;
        this.json = json;
        this.mapper = mapper;
        this.distortions = distortions;
    }

    void init(@Observes Router router) {
        String base = XHttp.trimTrailingSlash(config.xBasePath()) + "/1.1/";
        router.route(base + "*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        get(router, base + "account/verify_credentials.json", XEndpoint.VERIFY_CREDENTIALS,
                (caller, ctx) -> x.verifyCredentials(caller));
        get(router, base + "statuses/mentions_timeline.json", XEndpoint.MENTIONS_TIMELINE,
                (caller, ctx) -> distortions.applyV1(x.mentionsTimeline(caller, intParam(ctx, "count"),
                        longParam(ctx, "since_id"), longParam(ctx, "max_id"))));
        get(router, base + "statuses/user_timeline.json", XEndpoint.USER_TIMELINE,
                (caller, ctx) -> x.userTimeline(caller, longParam(ctx, "user_id"), param(ctx, "screen_name"),
                        intParam(ctx, "count"), longParam(ctx, "since_id"), longParam(ctx, "max_id"),
                        "true".equalsIgnoreCase(param(ctx, "exclude_replies"))));
        get(router, base + "search/tweets.json", XEndpoint.SEARCH_TWEETS,
                (caller, ctx) -> x.search(param(ctx, "q"), intParam(ctx, "count"), longParam(ctx, "since_id"),
                        longParam(ctx, "max_id"), Instant.now()));
        get(router, base + "direct_messages/events/list.json", XEndpoint.DIRECT_MESSAGES_LIST,
                (caller, ctx) -> x.directMessageEvents(caller, intParam(ctx, "count"), longParam(ctx, "cursor"),
                        Instant.now()));
        post(router, base + "statuses/update.json", XEndpoint.STATUSES_UPDATE,
                (caller, ctx) -> x.updateStatus(caller, param(ctx, "status"), longParam(ctx, "in_reply_to_status_id"),
                        "true".equalsIgnoreCase(param(ctx, "auto_populate_reply_metadata"))));
        post(router, base + "direct_messages/events/new.json", XEndpoint.DIRECT_MESSAGES_NEW, this::newDirectMessage);
        get(router, base + "users/lookup.json", XEndpoint.USERS_LOOKUP, (caller, ctx) -> distortions.applyV1Lookup(
                x.lookupUsers(longListParam(ctx, "user_id"), listParam(ctx, "screen_name"))));
        post(router, base + "users/lookup.json", XEndpoint.USERS_LOOKUP, (caller, ctx) -> distortions.applyV1Lookup(
                x.lookupUsers(longListParam(ctx, "user_id"), listParam(ctx, "screen_name"))));
        get(router, base + "application/rate_limit_status.json", XEndpoint.RATE_LIMIT_STATUS,
                (caller, ctx) -> x.rateLimitStatus(caller, Set.copyOf(listParam(ctx, "resources")), Instant.now()));
        router.route(base + "*").blockingHandler(ctx -> {
            SandboxRateLimiter.Window window = x.uncounted(XEndpoint.UNKNOWN, Instant.now());
            XApiException notFound = XApiException.pageNotFound();
            respond(ctx, window, notFound.httpStatus(), json.errors(notFound.code(), notFound.getMessage()));
        }, false);
    }

    private void get(Router router, String path, XEndpoint endpoint, Action action) {
        router.get(path).blockingHandler(ctx -> handle(ctx, endpoint, action), false);
    }

    private void post(Router router, String path, XEndpoint endpoint, Action action) {
        router.post(path).blockingHandler(ctx -> handle(ctx, endpoint, action), false);
    }

    private void handle(RoutingContext ctx, XEndpoint endpoint, Action action) {
        SandboxRateLimiter.Window window = null;
        try {
            XCaller caller = x.authenticate(SignedRequest.of(ctx.request()));
            window = x.admit(caller, endpoint, Instant.now());
            if (window.exceeded() && x.enforcesRateLimits()) {
                throw XApiException.rateLimitExceeded();
            }
            respond(ctx, window, 200, action.run(caller, ctx));
        } catch (XApiException e) {
            SandboxRateLimiter.Window shown = window != null ? window : x.uncounted(endpoint, Instant.now());
            respond(ctx, shown, e.httpStatus(), json.errors(e.code(), e.getMessage()));
        }
    }

    private void respond(RoutingContext ctx, SandboxRateLimiter.Window window, int status, Object body) {
        XHttp.respond(ctx, window, status, XHttp.JSON, json.bytes(body));
    }

    /** {@code {"event":{"message_create":{"target":{"recipient_id":…},"message_data":{"text":…}}}}}. */
    private Object newDirectMessage(XCaller caller, RoutingContext ctx) {
        JsonNode body;
        try {
            body = ctx.body().buffer() == null ? mapper.missingNode() : mapper.readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            throw XApiException.invalidParameter("The request body is not valid JSON.");
        }
        JsonNode create = body.path("event").path("message_create");
        JsonNode recipient = create.path("target").path("recipient_id");
        if (recipient.isMissingNode() || recipient.isNull()) {
            throw XApiException.missingParameter("event.message_create.target.recipient_id: required.");
        }
        long recipientId = recipient.isNumber() ? recipient.asLong() : parseLong("recipient_id", recipient.asText());
        return x.newDirectMessage(caller, recipientId, create.path("message_data").path("text").asText(""));
    }

    private static String param(RoutingContext ctx, String name) {
        String form = ctx.request().getFormAttribute(name);
        return form != null ? form : ctx.request().getParam(name);
    }

    private static Integer intParam(RoutingContext ctx, String name) {
        String value = param(ctx, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw XApiException.invalidParameter(name + " must be a number.");
        }
    }

    private static Long longParam(RoutingContext ctx, String name) {
        String value = param(ctx, name);
        return value == null || value.isBlank() ? null : parseLong(name, value);
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw XApiException.invalidParameter(name + " must be a number.");
        }
    }

    private static List<String> listParam(RoutingContext ctx, String name) {
        String value = param(ctx, name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Long> longListParam(RoutingContext ctx, String name) {
        return listParam(ctx, name).stream().map(v -> parseLong(name, v)).collect(Collectors.toList());
    }
}
