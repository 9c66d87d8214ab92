package dev.signet.channel.push;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.api.Problem;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.ChannelException;
import dev.signet.channel.DeliveryMode;
import dev.signet.channel.IntakeFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Signet's webhook for X, {@code /webhooks/x/<account>}, for accounts with {@code delivery=webhook}: X's CRC
 * ({@code GET ?crc_token=…} answered with {@code sha256=} + base64(HMAC-SHA256(consumer secret, token))) and event
 * deliveries ({@code POST}), whose {@code x-twitter-webhooks-signature} is verified over the raw body before anything
 * is parsed (a bad or missing signature is a 401, logged without the body). Events are handed to the inbound channel
 * ({@link PushIntake}) and answered 200 once taken for good, well within X's 10 s. Plain Vert.x routes: X signs the
 * raw bytes, and X carries neither a session nor a CSRF token.
 */
@ApplicationScoped
public class WebhookRoutes {

    private static final Logger LOG = Logger.getLogger(WebhookRoutes.class);
    static final String PATH = "/webhooks/x/";
    static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";
    /** X's events are small; a body larger than this is not X's. */
    private static final long BODY_LIMIT_BYTES = 1024 * 1024;

    private final ChannelConfig channels;
    private final PushIntake intake;
    private final ObjectMapper json;

    WebhookRoutes(ChannelConfig channels, PushIntake intake, ObjectMapper json) {
        this.channels = channels;
        this.intake = intake;
        this.json = json;
    }

    void init(@Observes Router router) {
        router.get(PATH + ":account").handler(this::crc);
        router.post(PATH + ":account").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.post(PATH + ":account").blockingHandler(this::event, false);
    }

    private void crc(RoutingContext ctx) {
        ChannelConfig.Account account = webhookAccount(ctx);
        if (account == null) {
            return;
        }
        String token = ctx.request().getParam("crc_token");
        if (token == null || token.isBlank()) {
            problem(ctx, 400, "crc-token-missing", "CRC token missing", "X's CRC check sends ?crc_token=…");
            return;
        }
        String body = json.createObjectNode()
                .put("response_token", WebhookSignature.crcResponse(account.consumerSecret(), token)).toString();
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body);
    }

    private void event(RoutingContext ctx) {
        ChannelConfig.Account account = webhookAccount(ctx);
        if (account == null) {
            return;
        }
        String accountKey = ctx.pathParam("account");
        byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String signature = ctx.request().getHeader(SIGNATURE_HEADER);
        if (!WebhookSignature.verify(account.consumerSecret(), raw, signature)) {
            LOG.warnf("webhook delivery refused, signature %s: account=%s bytes=%d",
                    signature == null ? "missing" : "invalid", accountKey, raw.length);
            problem(ctx, 401, "webhook-signature-invalid", "Signature invalid",
                    "The x-twitter-webhooks-signature header is missing or does not match the body.");
            return;
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(raw);
        } catch (IOException e) {
            problem(ctx, 400, "webhook-body-unreadable", "Body unreadable", "The body is not JSON.");
            return;
        }
        if (envelope == null || !envelope.isObject()) {
            problem(ctx, 400, "webhook-body-unreadable", "Body unreadable", "The body is not a JSON object.");
            return;
        }
        try {
            intake.take(accountKey, List.of(envelope));
            ctx.response().setStatusCode(200).end();
        } catch (IntakeFailedException | ChannelException e) {
            // X retries a delivery that was not answered 200; nothing was taken, so nothing is lost.
            LOG.warnf("webhook delivery not taken: account=%s reason=%s", accountKey, e.getMessage());
            problem(ctx, 503, "webhook-intake-unavailable", "Try again", "The event could not be taken now.");
        }
    }

    /** The account of the path if it takes webhook deliveries; else a 404 is sent and null returned. */
    private ChannelConfig.Account webhookAccount(RoutingContext ctx) {
        ChannelConfig.Account account = channels.accounts().get(ctx.pathParam("account"));
        if (account == null || account.delivery() != DeliveryMode.WEBHOOK) {
            problem(ctx, 404, "webhook-unknown", "No such webhook", "No account takes webhook deliveries here.");
            return null;
        }
        return account;
    }

    private void problem(RoutingContext ctx, int status, String slug, String title, String detail) {
        Problem problem = new Problem(URI.create("/problems/" + slug), title, status, detail, ctx.normalizedPath(), null);
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (IOException e) {
            ctx.fail(500, e);
        }
    }
}
