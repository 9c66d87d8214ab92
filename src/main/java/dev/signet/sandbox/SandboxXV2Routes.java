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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * HTTP for the fake X API v2 under {@code <signet.sandbox.x-base-path>/2/}: the same callers, signature check
 * and rate-limit headers as v1.1 ({@link SandboxXService}), v2's JSON (ids as strings, JSON request bodies) and
 * v2's problem bodies for errors. Registered on the Vert.x router at start, as the base path is configuration.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxXV2Routes {

    private static final long BODY_LIMIT_BYTES = 64 * 1024;

    /** What an endpoint does once the caller is known and counted. */
    @FunctionalInterface
    private interface Action {
        Object run(XCaller caller, RoutingContext ctx);
    }

    private final SandboxConfig config;
    private final SandboxXService x;
    private final SandboxXV2Service v2;
    private final XJson json;
    private final XJsonV2 jsonV2;
    private final ObjectMapper mapper;
    private final SandboxFaults faults;
    private final SandboxPageDistortions distortions;

    public SandboxXV2Routes(SandboxConfig config, SandboxXService x, SandboxXV2Service v2, XJson json, XJsonV2 jsonV2,
            ObjectMapper mapper, SandboxFaults faults, SandboxPageDistortions distortions) {
        this.config = config;
        this.x = x;
        this.v2 = v2;
        this.json = json;
        this.jsonV2 = jsonV2;
        this.mapper = mapper;
        this.faults = faults;
        this.distortions = distortions;
    }

    void init(@Observes Router router) {
        String base = XHttp.trimTrailingSlash(config.xBasePath()) + "/2/";
        router.route(base + "*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        get(router, base + "users/me", XEndpoint.V2_USERS_ME, (caller, ctx) -> v2.me(caller));
        get(router, base + "users", XEndpoint.V2_USERS_LOOKUP, (caller, ctx) -> v2.usersByIds(param(ctx, "ids")));
        get(router, base + "users/:id/mentions", XEndpoint.V2_MENTIONS,
                (caller, ctx) -> distortions.apply(SandboxPageDistortions.MENTIONS, v2.mentions(ctx.pathParam("id"),
                        new SandboxXV2Service.MentionsQuery(intParam(ctx, "max_results"), param(ctx, "since_id"),
                                param(ctx, "until_id"), param(ctx, "pagination_token"), setParam(ctx, "tweet.fields"),
                                setParam(ctx, "expansions")))));
        get(router, base + "users/:id/tweets", XEndpoint.V2_USER_TWEETS,
                (caller, ctx) -> v2.tweetsBy(ctx.pathParam("id"), new SandboxXV2Service.MentionsQuery(
                        intParam(ctx, "max_results"), param(ctx, "since_id"), param(ctx, "until_id"),
                        param(ctx, "pagination_token"), setParam(ctx, "tweet.fields"), setParam(ctx, "expansions"))));
        get(router, base + "tweets/search/recent", XEndpoint.V2_SEARCH_RECENT,
                (caller, ctx) -> v2.searchRecent(x.mentionedUserOf(param(ctx, "query"), true),
                        new SandboxXV2Service.MentionsQuery(intParam(ctx, "max_results"), param(ctx, "since_id"),
                                param(ctx, "until_id"), param(ctx, "next_token") != null ? param(ctx, "next_token")
                                        : param(ctx, "pagination_token"),
                                setParam(ctx, "tweet.fields"), setParam(ctx, "expansions")),
                        Instant.now()));
        get(router, base + "dm_events", XEndpoint.V2_DM_EVENTS,
                (caller, ctx) -> distortions.apply(SandboxPageDistortions.DM_EVENTS, v2.directMessageEvents(caller,
                        intParam(ctx, "max_results"), param(ctx, "pagination_token"), setParam(ctx, "event_types"),
                        setParam(ctx, "expansions"), Instant.now())));
        get(router, base + "dm_conversations/with/:participant_id/dm_events", XEndpoint.V2_CONVERSATION_DM_EVENTS,
                (caller, ctx) -> v2.conversationEvents(caller, ctx.pathParam("participant_id"),
                        intParam(ctx, "max_results"), param(ctx, "pagination_token"), setParam(ctx, "event_types"),
                        setParam(ctx, "expansions"), Instant.now()));
        post(router, base + "tweets", XEndpoint.V2_CREATE_TWEET, (caller, ctx) -> {
            JsonNode body = jsonBody(ctx);
            JsonNode replyTo = body.path("reply").path("in_reply_to_tweet_id");
            return v2.createTweet(caller, text(body), replyTo.isMissingNode() || replyTo.isNull() ? null : replyTo.asText());
        });
        post(router, base + "dm_conversations/with/:participant_id/messages", XEndpoint.V2_CREATE_DM,
                (caller, ctx) -> v2.createDirectMessage(caller, ctx.pathParam("participant_id"), text(jsonBody(ctx))));
        router.route(base + "*").blockingHandler(ctx -> {
            SandboxRateLimiter.Window window = x.uncounted(XEndpoint.V2_UNKNOWN, Instant.now());
            problem(ctx, window, XApiException.resourceNotFound("Sorry, that page does not exist."));
        }, false);
    }

    private void get(Router router, String path, XEndpoint endpoint, Action action) {
        router.get(path).blockingHandler(ctx -> handle(ctx, endpoint, 200, action), false);
    }

    /** X answers 201 Created to every v2 POST that creates something. */
    private void post(Router router, String path, XEndpoint endpoint, Action action) {
        router.post(path).blockingHandler(ctx -> handle(ctx, endpoint, 201, action), false);
    }

    private void handle(RoutingContext ctx, XEndpoint endpoint, int successStatus, Action action) {
        SandboxRateLimiter.Window window = null;
        try {
            XCaller caller = x.authenticate(SignedRequest.of(ctx.request()));
            window = x.admit(caller, endpoint, Instant.now());
            if (window.exceeded() && x.enforcesRateLimits()) {
                throw XApiException.rateLimitExceeded();
            }
            Object body = action.run(caller, ctx);
            if (endpoint == XEndpoint.V2_MENTIONS || endpoint == XEndpoint.V2_USER_TWEETS
                    || endpoint == XEndpoint.V2_DM_EVENTS) {
                body = distorted(ctx.normalizedPath(), body);
            }
            XHttp.respond(ctx, window, successStatus, XHttp.JSON, json.bytes(body));
        } catch (XApiException e) {
            problem(ctx, window != null ? window : x.uncounted(endpoint, Instant.now()), e);
        }
    }

    /** Applies an armed v2 page distortion (fault injection): optional fields absent, group-style DM ids. */
    private Object distorted(String path, Object body) {
        if (!(body instanceof ObjectNode page)) {
            return body;
        }
        return faults.takeDistortion(path, Set.of(SandboxFault.SPARSE, SandboxFault.GROUP_DM)).map(distortion -> switch (distortion) {
            case SandboxFault.SPARSE -> sparse(page);
            case SandboxFault.GROUP_DM -> groupDm(page);
            default -> page;
        }).orElse(page);
    }

    /** What X may leave out of a page: {@code created_at}, {@code conversation_id}, {@code meta} but its token. */
    static ObjectNode sparse(ObjectNode page) {
        page.path("data").forEach(item -> ((ObjectNode) item).remove(List.of("created_at", "conversation_id")));
        if (page.get("meta") instanceof ObjectNode meta) {
            meta.remove(List.of("newest_id", "oldest_id", "result_count"));
            if (meta.isEmpty()) {
                page.remove("meta");
            }
        }
        return page;
    }

    /**
     * DM conversation ids in X's other form, one number (as group conversations have), stable per conversation:
     * a client must not read the participants out of it.
     */
    static ObjectNode groupDm(ObjectNode page) {
        page.path("data").forEach(item -> {
            JsonNode id = item.get("dm_conversation_id");
            if (id != null && id.isTextual()) {
                long number = 1_000_000_000_000_000_000L
                        + Math.floorMod(id.asText().hashCode() * 1_000_003L, 8_000_000_000_000_000_000L);
                ((ObjectNode) item).put("dm_conversation_id", Long.toString(number));
            }
        });
        return page;
    }

    private void problem(RoutingContext ctx, SandboxRateLimiter.Window window, XApiException e) {
        XHttp.respond(ctx, window, e.httpStatus(), XHttp.PROBLEM_JSON, json.bytes(jsonV2.problem(e)));
    }

    private JsonNode jsonBody(RoutingContext ctx) {
        if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
            throw XApiException.invalidParameter("The request body is empty; a JSON object is expected.");
        }
        try {
            return mapper.readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            throw XApiException.invalidParameter("The request body is not valid JSON.");
        }
    }

    private static String text(JsonNode body) {
        JsonNode text = body.path("text");
        return text.isTextual() ? text.asText() : null;
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer intParam(RoutingContext ctx, String name) {
        String value = param(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw XApiException.invalidParameter("The `" + name + "` query parameter value [" + value
                    + "] is not a number");
        }
    }

    private static Set<String> setParam(RoutingContext ctx, String name) {
        String value = param(ctx, name);
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
