package dev.signet.channel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelConnector;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.OutgoingMessage;
import dev.signet.channel.Published;
import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.sandbox.SandboxUserView;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;

/**
 * X's published contract judges Signet's X API v2 traffic: every request the v2 connector sends (through the real
 * poller and publisher paths) and every answer the sandbox serves it is recorded on the wire and validated against
 * X's OpenAPI spec. v1.1 (Twitter4J) is not covered: its endpoints are not in the v2 spec.
 */
@QuarkusTest
@TestProfile(XContractProfile.class)
@ExtendWith(SandboxExtension.class)
class XApiV2ContractTest {

    @Inject
    ChannelPoller poller;
    @Inject
    ChannelConnectors connectors;
    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
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
    void everyRequestTheV2ConnectorSendsAndEveryAnswerTheSandboxGivesValidate() {
        String handle = world.sandboxCustomer(sandbox, "Contract Customer");
        SandboxUserView customer = sandbox.user(handle).orElseThrow();
        ChannelConnector x = connectors.forAccount(TestWorld.AIR_V2);
        // A conversation with every field X sends: a mention, a reply to the brand's answer, DMs both ways.
        SandboxTweetView mention = sandbox.postMention(handle, TestWorld.AIR_V2_HANDLE, "my bag is lost", null);
        sandbox.sendDirectMessage(handle, TestWorld.AIR_V2_HANDLE, "booking ref ABC123");

        ChannelPoller.PollOutcome first = poller.poll(TestWorld.AIR_V2);
        assertNull(first.error(), first.error());
        Instant sending = Instant.now();
        Published reply = x.publishReply("@" + handle + " So sorry! ^QA", Long.toString(mention.id()));
        Published dm = x.sendDirectMessage(Long.toString(customer.id()), "Looking into it now. ^QA");
        sandbox.postMention(handle, TestWorld.AIR_V2_HANDLE, "thanks, any news?", Long.parseLong(reply.externalId()));
        ChannelPoller.PollOutcome second = poller.poll(TestWorld.AIR_V2);
        assertNull(second.error(), second.error());
        assertEquals(1, x.findSent(new OutgoingMessage("contract-reply", false, "@" + handle + " So sorry! ^QA",
                Long.toString(mention.id()), null, sending)).size());
        assertEquals(1, x.findSent(new OutgoingMessage("contract-dm", true, "Looking into it now. ^QA", null,
                Long.toString(customer.id()), sending)).size());
        assertNotNull(dm.externalId());

        List<RecordingProxy.Exchange> exchanges = proxy.takeAll();
        Set<String> endpoints = exchanges.stream()
                .map(e -> e.method() + " " + e.path().replaceAll("/\\d{3,}/", "/{id}/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("GET /sandbox/x/2/dm_conversations/with/{id}/dm_events",
                "GET /sandbox/x/2/dm_events", "GET /sandbox/x/2/users/me",
                "GET /sandbox/x/2/users/{id}/mentions", "GET /sandbox/x/2/users/{id}/tweets",
                "POST /sandbox/x/2/dm_conversations/with/{id}/messages", "POST /sandbox/x/2/tweets")), endpoints,
                "every v2 endpoint the connector uses was exercised");
        assertValid(exchanges);
    }

    @Test
    void theSandboxsErrorAnswersValidateToo() {
        String handle = world.sandboxCustomer(sandbox, "Contract Limited");
        sandbox.postMention(handle, TestWorld.AIR_V2_HANDLE, "hello?", null);
        faults.arm(new SandboxFault("/mentions", 1, 429, 0, false, 1));
        assertNotNull(poller.poll(TestWorld.AIR_V2).error(), "the 429 fails the poll");
        String base = proxiedBaseUrl;
        faults.arm(new SandboxFault("/dm_events", 1, 503, 0, false, 0));
        RestAssured.given().get(base + "dm_events").then().statusCode(503);
        // Unsigned and unknown: X's 401 and 404 problems, answered to raw requests.
        RestAssured.given().get(base + "users/me").then().statusCode(401);
        RestAssured.given().header("Authorization", "OAuth oauth_consumer_key=\"nobody\"")
                .get(base + "users/1/mentions?max_results=5").then().statusCode(401);

        List<RecordingProxy.Exchange> exchanges = proxy.takeAll();
        assertTrue(exchanges.stream().anyMatch(e -> e.status() == 429), exchanges::toString);
        assertTrue(exchanges.stream().anyMatch(e -> e.status() == 503), exchanges::toString);
        assertValid(exchanges);
    }

    @Test
    void theContractCatchesWhatXWouldRefuse() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "OAuth oauth_consumer_key=\"k\"");
        // A page size X refuses, a DM event id as a number, a created post without its id.
        List<String> findings = new ArrayList<>();
        findings.addAll(contract.findings(new RecordingProxy.Exchange("GET", "/sandbox/x/2/dm_events",
                "max_results=500", headers, "", 200, "application/json",
                "{\"data\":[{\"id\":1,\"event_type\":\"MessageCreate\"}],\"meta\":{\"result_count\":1}}")));
        findings.addAll(contract.findings(new RecordingProxy.Exchange("POST", "/sandbox/x/2/tweets", null,
                MultiMap.caseInsensitiveMultiMap().addAll(headers).add("Content-Type", "application/json"),
                "{\"text\":\"hi\"}", 201, "application/json", "{\"data\":{\"text\":\"hi\"}}")));

        assertTrue(findings.stream().anyMatch(f -> f.contains("max_results")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.contains("/data/0/id")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.contains("id") && f.contains("POST /sandbox/x/2/tweets")),
                findings::toString);
    }

    private void assertValid(List<RecordingProxy.Exchange> exchanges) {
        assertFalse(exchanges.isEmpty(), "traffic was recorded");
        List<String> findings = exchanges.stream().flatMap(e -> contract.findings(e).stream()).toList();
        assertTrue(findings.isEmpty(), () -> "X's OpenAPI spec refuses " + findings.size() + " finding(s):\n"
                + String.join("\n", findings) + "\n\nexchanges:\n"
                + exchanges.stream().map(e -> e + "\n  " + e.responseBody()).collect(Collectors.joining("\n")));
    }
}
