package dev.signet.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * HTTP of the fake X Activity API under {@code <x-base-path>/2/}: {@code activity/subscriptions} (list, create,
 * delete), {@code activity/stream} (newline-delimited JSON that stays open, {@code backfill_minutes} 0 to 5),
 * {@code webhooks} (list, create and {@code PUT} with a CRC check, delete) and {@code webhooks/replay}. Like X's, these
 * take the app's bearer token ({@code signet.sandbox.bearer-token}) or a live OAuth 2.0 user access token
 * ({@link SandboxOAuth2}). Registered before the v2 catch-all.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxActivityRoutes {

    /** The event types the fake X pushes (and so accepts subscriptions to). */
    static final Set<String> EVENT_TYPES = Set.of("dm.received", "dm.sent", "post.mention.create", "post.reply.create",
            "chat.received", "chat.sent", "oauth.revoke");
    private static final DateTimeFormatter REPLAY_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final long BODY_LIMIT_BYTES = 16 * 1024;
    private static final int MAX_BACKFILL_MINUTES = 5;

    private final SandboxConfig config;
    private final SandboxActivity activity;
    private final ObjectMapper json;
    private final XJsonV2 jsonV2;
    private final SandboxOAuth2 oauth2;

    public SandboxActivityRoutes(SandboxConfig config, SandboxActivity activity, ObjectMapper json, XJsonV2 jsonV2,
            SandboxOAuth2 oauth2) {
        this.oauth2 = oauth2;
        this.config = config;
        this.activity = activity;
        this.json = json;
        this.jsonV2 = jsonV2;
    }

    void init(@Observes Router router) {
        String base = XHttp.trimTrailingSlash(config.xBasePath()) + "/2/";
        // Orders below the v2 routes' catch-all (registered by SandboxXV2Routes with the default order).
        int order = -100;
        router.route(base + "activity/*").order(order++).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.route(base + "webhooks*").order(order++).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.get(base + "activity/stream").order(order++).handler(ctx -> authorized(ctx, () -> stream(ctx)));
        router.get(base + "activity/subscriptions").order(order++).blockingHandler(ctx -> authorized(ctx,
                () -> respond(ctx, 200, subscriptions())), false);
        router.post(base + "activity/subscriptions").order(order++).blockingHandler(ctx -> authorized(ctx,
                () -> respond(ctx, 200, subscribe(body(ctx)))), false);
        router.delete(base + "activity/subscriptions/:id").order(order++).blockingHandler(ctx -> authorized(ctx, () -> {
            if (!activity.unsubscribe(ctx.pathParam("id"))) {
                throw XApiException.resourceNotFound("No subscription " + ctx.pathParam("id"));
            }
            respond(ctx, 200, json.createObjectNode().set("data", json.createObjectNode().put("deleted", true)));
        }), false);
        router.get(base + "webhooks").order(order++).blockingHandler(ctx -> authorized(ctx,
                () -> respond(ctx, 200, webhooks())), false);
        router.post(base + "webhooks/replay").order(order++).blockingHandler(ctx -> authorized(ctx,
                () -> respond(ctx, 200, replay(body(ctx)))), false);
        router.post(base + "webhooks").order(order++).blockingHandler(ctx -> authorized(ctx, () -> {
            JsonNode body = body(ctx);
            String url = body.path("url").asText("");
            if (url.isBlank() || url.length() > 200) {
                throw XApiException.invalidParameter("A webhook needs a url of 1 to 200 characters.");
            }
            respond(ctx, 200, webhook(activity.createWebhook(url)));
        }), false);
        router.put(base + "webhooks/:id").order(order++).blockingHandler(ctx -> authorized(ctx,
                () -> respond(ctx, 200, json.createObjectNode().put("valid", activity.recheck(ctx.pathParam("id"))
                        .orElseThrow(() -> XApiException.resourceNotFound("No webhook " + ctx.pathParam("id")))
                        .valid()))), false);
        router.delete(base + "webhooks/:id").order(order++).blockingHandler(ctx -> authorized(ctx, () -> {
            if (!activity.deleteWebhook(ctx.pathParam("id"))) {
                throw XApiException.resourceNotFound("No webhook " + ctx.pathParam("id"));
            }
            respond(ctx, 200, json.createObjectNode().set("data", json.createObjectNode().put("deleted", true)));
        }), false);
    }

    private void authorized(RoutingContext ctx, Runnable action) {
        try {
            String authorization = ctx.request().getHeader("Authorization");
            // The app's bearer token, or a brand's OAuth 2.0 user access token (what X wants for DM events).
            if (authorization == null || !(authorization.equals("Bearer " + config.bearerToken())
                    || authorization.startsWith("Bearer ") && oauth2.validAccessToken(authorization.substring(7)))) {
                throw XApiException.invalidToken();
            }
            action.run();
        } catch (XApiException e) {
            ctx.response().setStatusCode(e.httpStatus()).putHeader("Content-Type", XHttp.PROBLEM_JSON)
                    .end(jsonV2.problem(e).toString());
        }
    }

    private void stream(RoutingContext ctx) {
        int backfill = 0;
        String asked = ctx.request().getParam("backfill_minutes");
        if (asked != null) {
            try {
                backfill = Integer.parseInt(asked.strip());
            } catch (NumberFormatException e) {
                throw XApiException.invalidParameter("backfill_minutes is not a number");
            }
            if (backfill < 0 || backfill > MAX_BACKFILL_MINUTES) {
                throw XApiException.invalidParameter("backfill_minutes must be between 0 and 5");
            }
        }
        ctx.response().setChunked(true).setStatusCode(200).putHeader("Content-Type", "application/json");
        // A keep-alive line sends the headers at once, as X's stream does.
        ctx.response().write("\n");
        activity.openStream(ctx.response(), backfill);
    }

    private ObjectNode subscriptions() {
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("data");
        activity.subscriptions().forEach(s -> data.add(subscription(s)));
        body.putObject("meta").put("result_count", data.size());
        return body;
    }

    private ObjectNode subscribe(JsonNode body) {
        String eventType = body.path("event_type").asText("");
        String userId = body.path("filter").path("user_id").asText("");
        if (!EVENT_TYPES.contains(eventType)) {
            throw XApiException.invalidParameter("Unknown event_type " + eventType);
        }
        if (!userId.matches("[0-9]{1,19}")) {
            throw XApiException.invalidParameter("filter.user_id must be a user id");
        }
        String tag = body.hasNonNull("tag") ? body.path("tag").asText() : null;
        String webhookId = body.hasNonNull("webhook_id") ? body.path("webhook_id").asText() : null;
        SandboxActivity.Subscription created = activity.subscribe(eventType, userId, tag, webhookId);
        ObjectNode answer = json.createObjectNode();
        ObjectNode data = answer.putObject("data");
        data.set("subscription", subscription(created));
        data.put("total_subscriptions_for_instance_id", activity.subscriptions().size());
        answer.putObject("meta").put("total_subscriptions", activity.subscriptions().size());
        return answer;
    }

    private ObjectNode webhooks() {
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("data");
        activity.webhooks().forEach(w -> data.add(webhook(w)));
        body.putObject("meta").put("result_count", data.size());
        if (data.isEmpty()) {
            // X's list has minItems 1: an app without webhooks gets no data at all.
            body.remove("data");
        }
        return body;
    }

    private ObjectNode replay(JsonNode body) {
        String webhookId = body.path("webhook_id").asText("");
        Instant from = replayDate(body.path("from_date").asText(""));
        Instant to = replayDate(body.path("to_date").asText(""));
        // to_date names a minute: everything within it is included.
        activity.replay(webhookId, from, to.plusSeconds(59));
        return json.createObjectNode().put("job_id", Long.toString(System.nanoTime()))
                .put("created_at", XJsonV2.createdAt(Instant.now()));
    }

    private static Instant replayDate(String value) {
        try {
            return LocalDateTime.parse(value, REPLAY_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw XApiException.invalidParameter("Dates are yyyymmddhhmm (UTC)");
        }
    }

    private ObjectNode subscription(SandboxActivity.Subscription s) {
        ObjectNode node = json.createObjectNode();
        node.put("subscription_id", s.id());
        node.put("event_type", s.eventType());
        node.putObject("filter").put("user_id", s.userId());
        if (s.tag() != null) {
            node.put("tag", s.tag());
        }
        if (s.webhookId() != null) {
            node.put("webhook_id", s.webhookId());
        }
        node.put("created_at", XJsonV2.createdAt(s.createdAt()));
        node.put("updated_at", XJsonV2.createdAt(s.createdAt()));
        return node;
    }

    private ObjectNode webhook(SandboxActivity.Webhook w) {
        return json.createObjectNode().put("id", w.id()).put("url", w.url()).put("valid", w.valid())
                .put("created_at", XJsonV2.createdAt(w.createdAt()));
    }

    private JsonNode body(RoutingContext ctx) {
        if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
            throw XApiException.invalidParameter("The request body is empty; a JSON object is expected.");
        }
        try {
            JsonNode body = json.readTree(ctx.body().buffer().getBytes());
            if (body == null || !body.isObject()) {
                throw XApiException.invalidParameter("The request body is not a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw XApiException.invalidParameter("The request body is not valid JSON.");
        }
    }

    private void respond(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", XHttp.JSON).end(body.toString());
    }
}
