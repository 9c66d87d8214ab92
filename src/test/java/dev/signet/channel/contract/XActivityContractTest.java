package dev.signet.channel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.push.PushStatus;
import dev.signet.channel.push.PushView;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;

/**
 * X's published contract judges the X Activity API traffic: Signet's webhook set-up (webhooks, activity subscriptions,
 * replay) recorded on the wire, and an event of the sandbox's activity stream, validated against X's OpenAPI spec.
 * One difference is allowed, by name: X's spec of August 2026 lists only the older event types in
 * {@code ActivitySubscriptionCreateRequest.event_type}, while X's docs (and the sandbox) take {@code dm.received},
 * {@code dm.sent}, {@code post.mention.create} and {@code post.reply.create}.
 */
@QuarkusTest
@TestProfile(XActivityContractProfile.class)
class XActivityContractTest {

    /** The event types of X's 2026 docs that the August 2026 spec does not list yet. */
    private static final Set<String> EVENT_TYPES_NOT_IN_SPEC = Set.of("dm.received", "dm.sent",
            "post.mention.create", "post.reply.create");

    @Inject
    PushStatus status;
    @Inject
    SandboxService sandbox;
    @Inject
    TestWorld world;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = XContractProfile.BASE_URL_KEY)
    String proxiedBaseUrl;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private RecordingProxy proxy;
    private XContract contract;

    @BeforeEach
    void record() throws Exception {
        proxy = new RecordingProxy(vertx, URI.create(proxiedBaseUrl).getPort(), port);
        contract = XContract.load("/sandbox/x");
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
    }

    @Test
    void theWebhookSetUpAndTheStreamsEventsValidate() throws Exception {
        world.sandboxBrands(sandbox);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!view().connected() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(view().connected(), () -> "the webhook is set up: " + view());

        // One event of the sandbox's activity stream, read as Signet reads it (bearer token, backfill asked): the
        // account's subscriptions are bound to the webhook, so a stream subscription of its own is made first.
        String query = "backfill_minutes=5";
        String brandId = Long.toString(sandbox.user(TestWorld.AIR_V2_HANDLE).orElseThrow().id());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/sandbox/x/2/activity/subscriptions"))
                .header("Authorization", "Bearer sandbox-bearer-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_type\":\"dm.received\",\"filter\":{\"user_id\":\""
                        + brandId + "\"},\"tag\":\"contract-stream\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, subscribed.statusCode(), subscribed.body());
        HttpResponse<Stream<String>> stream = http.sendAsync(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/sandbox/x/2/activity/stream?" + query))
                .header("Authorization", "Bearer sandbox-bearer-token").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        String line;
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> stream.body()
                    .filter(l -> l.contains("\"event_type\"")).findFirst().orElse(null));
            String customer = world.sandboxCustomer(sandbox, "Contract Activity");
            sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "a DM for the activity stream");
            line = first.get(20, TimeUnit.SECONDS);
        } finally {
            stream.body().close();
        }
        assertNotNull(line, "an event came on the stream");
        String contentType = stream.headers().firstValue("Content-Type").orElse("application/json");

        List<RecordingProxy.Exchange> exchanges = proxy.takeAll();
        Set<String> endpoints = exchanges.stream().map(e -> e.method() + " " + e.path())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(endpoints.containsAll(List.of("GET /sandbox/x/2/webhooks", "POST /sandbox/x/2/webhooks",
                "GET /sandbox/x/2/activity/subscriptions", "POST /sandbox/x/2/activity/subscriptions")),
                endpoints::toString);

        MultiMap streamHeaders = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer sandbox-bearer-token");
        List<String> findings = new java.util.ArrayList<>(exchanges.stream()
                .flatMap(e -> contract.findings(e).stream()).filter(f -> !newerEventType(f)).toList());
        findings.addAll(contract.findings(new RecordingProxy.Exchange("GET", "/sandbox/x/2/activity/stream", query,
                streamHeaders, "", 200, contentType.startsWith("application/json") ? contentType : "application/json",
                line)).stream().filter(f -> !unprocessablePayloadSchema(f)).toList());
        // X's payload schema can't be applied (above), so the envelope's fields are checked by hand.
        JsonNode envelope = new ObjectMapper().readTree(line).path("data");
        for (String field : List.of("event_type", "event_uuid", "tag")) {
            assertTrue(envelope.path(field).isTextual(), field + " in " + line);
        }
        assertEquals(brandId, envelope.path("filter").path("user_id").asText(), line);
        assertTrue(envelope.path("payload").isObject(), line);
        assertFalse(exchanges.isEmpty(), "traffic was recorded");
        assertTrue(findings.isEmpty(), () -> "X's OpenAPI spec refuses " + findings.size() + " finding(s):\n"
                + String.join("\n", findings) + "\n\nexchanges:\n"
                + exchanges.stream().map(e -> e + "\n  > " + e.requestBody() + "\n  < " + e.responseBody())
                        .collect(Collectors.joining("\n")) + "\nstream line: " + line);
    }

    /**
     * X's spec defect, not the sandbox's: {@code ActivityStreamingResponse.data.payload} has a discriminator whose
     * {@code propertyName} is {@code ../event_type}, a property of the parent, which no JSON Schema validator can
     * resolve, so the validator stops with a processing error on any stream event. The envelope is checked by hand.
     */
    private static boolean unprocessablePayloadSchema(String finding) {
        return finding.contains("validation.response.body.schema.processingError")
                && finding.contains("discriminator.propertyName") && finding.contains("../event_type");
    }

    /** A finding about an event type X's docs have and its spec does not list yet: the one allowed difference. */
    private static boolean newerEventType(String finding) {
        return finding.contains("/2/activity/subscriptions") && finding.contains("event_type")
                && EVENT_TYPES_NOT_IN_SPEC.stream().anyMatch(type -> finding.contains("\"" + type + "\""));
    }

    private PushView view() {
        return status.all().stream().filter(v -> v.accountKey().equals(TestWorld.AIR_V2)).findFirst().orElseThrow();
    }
}
