package dev.signet.channel.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.signet.channel.ChannelException;
import dev.signet.channel.oauth.UserTokenRejectedException;

/**
 * The X Activity API calls of one X app (base URL and bearer token): subscriptions, the activity stream, webhooks and
 * their replay. The JDK's HTTP client, because the stream is a response that never ends and is read line by line as
 * it arrives (the typed REST client buffers whole bodies); its threads come from the managed executor it is given.
 * Every failure is a {@link ChannelException}; the body of an answer is never logged.
 */
class XActivityClient {

    private static final DateTimeFormatter REPLAY_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmm")
            .withZone(ZoneOffset.UTC);

    /** One subscription as X lists it. */
    record Subscription(String id, String eventType, String userId, String tag, String webhookId) {
    }

    /** One webhook as X lists it. */
    record Webhook(String id, String url, boolean valid) {
    }

    private final URI base;
    private final String bearerToken;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    XActivityClient(String apiV2BaseUrl, String bearerToken, Duration timeout, Executor executor, ObjectMapper json) {
        this.base = URI.create(apiV2BaseUrl.endsWith("/") ? apiV2BaseUrl : apiV2BaseUrl + "/");
        this.bearerToken = bearerToken;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(executor).build();
    }

    /** {@code GET /2/activity/subscriptions}, every page. */
    List<Subscription> subscriptions() {
        List<Subscription> all = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = call("list subscriptions", request("activity/subscriptions"
                    + (token == null ? "" : "?pagination_token=" + token)).GET());
            for (JsonNode item : page.path("data")) {
                all.add(new Subscription(item.path("subscription_id").asText(null), item.path("event_type").asText(null),
                        item.path("filter").path("user_id").asText(null), item.path("tag").asText(null),
                        item.path("webhook_id").asText(null)));
            }
            token = page.path("meta").path("next_token").asText(null);
        } while (token != null);
        return all;
    }

    /** {@code POST /2/activity/subscriptions} for the user's events of one type; {@code webhookId} may be null. */
    String subscribe(String eventType, String userId, String tag, String webhookId) {
        return subscribe(request("activity/subscriptions"), eventType, userId, tag, webhookId);
    }

    /**
     * {@link #subscribe} with the brand's OAuth 2.0 user access token instead of the app's bearer token (DM events);
     * a 401 is a {@link UserTokenRejectedException}, so the caller can refresh the token once.
     */
    String subscribeAs(String userAccessToken, String eventType, String userId, String tag, String webhookId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("activity/subscriptions")).timeout(timeout)
                .header("Authorization", "Bearer " + userAccessToken).header("Accept", "application/json");
        try {
            return subscribe(request, eventType, userId, tag, webhookId);
        } catch (ChannelException e) {
            if (e.getMessage().endsWith("HTTP 401")) {
                throw new UserTokenRejectedException("create subscription");
            }
            throw e;
        }
    }

    private String subscribe(HttpRequest.Builder request, String eventType, String userId, String tag,
            String webhookId) {
        ObjectNode body = json.createObjectNode();
        body.put("event_type", eventType);
        body.putObject("filter").put("user_id", userId);
        body.put("tag", tag);
        if (webhookId != null) {
            body.put("webhook_id", webhookId);
        }
        JsonNode created = call("create subscription", request
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return created.path("data").path("subscription").path("subscription_id").asText(null);
    }

    /** {@code GET /2/webhooks}. */
    List<Webhook> webhooks() {
        List<Webhook> all = new ArrayList<>();
        for (JsonNode item : call("list webhooks", request("webhooks").GET()).path("data")) {
            all.add(new Webhook(item.path("id").asText(null), item.path("url").asText(null),
                    item.path("valid").asBoolean(false)));
        }
        return all;
    }

    /** {@code POST /2/webhooks}: X checks the URL's CRC before it answers. */
    Webhook createWebhook(String url) {
        JsonNode created = call("create webhook", request("webhooks").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("url", url).toString())));
        JsonNode webhook = created.has("data") ? created.path("data") : created;
        return new Webhook(webhook.path("id").asText(null), webhook.path("url").asText(null),
                webhook.path("valid").asBoolean(false));
    }

    /** {@code POST /2/webhooks/replay}: X re-sends what the webhook was sent between the two moments (24 h back at most). */
    void replay(String webhookId, Instant from, Instant to) {
        ObjectNode body = json.createObjectNode().put("webhook_id", webhookId).put("from_date", REPLAY_DATE.format(from))
                .put("to_date", REPLAY_DATE.format(to));
        call("replay webhook", request("webhooks/replay").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * Opens {@code GET /2/activity/stream} with {@code backfill_minutes}: the body is newline-delimited JSON that
     * stays open until X or the caller closes it.
     */
    InputStream openStream(int backfillMinutes) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("activity/stream?backfill_minutes=" + backfillMinutes))
                .header("Authorization", "Bearer " + bearerToken).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                response.body().close();
                throw new ChannelException("X refused the activity stream: HTTP " + response.statusCode(),
                        response.statusCode() == 429 || response.statusCode() >= 500, null);
            }
            return response.body();
        } catch (IOException e) {
            throw new ChannelException("X's activity stream is unreachable: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while opening X's activity stream", true, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json");
    }

    private JsonNode call(String what, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status / 100 != 2) {
                throw new ChannelException("X could not " + what + ": HTTP " + status, status == 429 || status >= 500,
                        null);
            }
            byte[] body = response.body();
            return body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new ChannelException("X could not " + what + ": " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted: " + what, true, e);
        }
    }
}
