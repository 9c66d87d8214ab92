package dev.signet.quarantine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ApiUsageView;
import dev.signet.channel.Author;
import dev.signet.channel.ChannelAccountService;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantinedItem;
import dev.signet.intake.IntakeResult;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.sandbox.SandboxUserView;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One item X sends that Signet can't take is quarantined alone (raw JSON, reason) while the rest of its page is
 * stored and the cursor moves on; an admin lists it and replays it once fixed. An author X did not expand never
 * changes a known handle.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class QuarantineTest {

    private static final String V2_MENTIONS = "mentions";
    private static final String V2_DM_EVENTS = "dm_events";

    @Inject
    ChannelPoller poller;
    @Inject
    ChannelAccountService accounts;
    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;
    @Inject
    IntakeService intake;
    @Inject
    ApiUsageService usage;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void brands() {
        // Reads whatever earlier tests left for the brand, so that each test sees only its own items.
        assertNull(poller.poll(TestWorld.AIR_V2).error());
    }

    @Test
    void aPostWithoutAuthorIdIsQuarantinedAloneTheOthersAreStoredTheCursorMovesAndItReplaysOnceFixed() throws Exception {
        String customer = world.sandboxCustomer(sandbox, "Quinn Quarantine");
        SandboxTweetView first = sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "first: my bag is lost", null);
        SandboxTweetView second = sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "second: still lost", null);
        SandboxTweetView broken = sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "third: hello?", null);
        // X's page is newest first: the newest post comes without author_id.
        faults.arm(new SandboxFault(V2_MENTIONS, 1, 0, 0, false, 0, SandboxFault.NO_AUTHOR_ID));

        ChannelPoller.PollOutcome outcome = poller.poll(TestWorld.AIR_V2);

        assertNull(outcome.error(), "the poll succeeds");
        assertTrue(faults.armed().isEmpty(), "the distortion was served");
        assertEquals(1, stored(first.id()));
        assertEquals(1, stored(second.id()));
        assertEquals(0, stored(broken.id()));
        assertEquals(Long.toString(broken.id()), accounts.state(TestWorld.AIR_V2).mentionsSinceId(),
                "the cursor moved past the quarantined post");
        QuarantineView entry = waitingFor(broken.id());
        assertEquals(QuarantineReason.MISSING_AUTHOR, entry.reason());
        assertEquals(MessageKind.MENTION, entry.kind());
        assertEquals("x-v2", entry.source());
        assertEquals(Long.toString(broken.id()), mapper.readTree(entry.rawJson()).path("id").asText());
        assertTrue(mapper.readTree(entry.rawJson()).path("text").asText().endsWith("third: hello?"), entry.rawJson());
        assertTrue(mapper.readTree(entry.rawJson()).path("author_id").isMissingNode(), entry.rawJson());

        // The next poll does not stall on it, nor quarantine it again.
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertEquals(1, countWaiting(broken.id()));

        TestWorld.Login admin = world.user(Role.ADMIN);
        given().auth().preemptive().basic(admin.username(), admin.password())
                .when().get("/api/quarantine")
                .then().statusCode(200)
                .body("waitingByReason.MISSING_AUTHOR", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("items.find { it.id == " + entry.id() + " }.reason", equalTo("MISSING_AUTHOR"))
                .body("items.find { it.id == " + entry.id() + " }.rawJson", containsString("third: hello?"));

        // Replayed as it is, it is still refused, and stays waiting with the reason.
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/quarantine/" + entry.id() + "/replay")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("quarantine-replay-refused"))
                .body("detail", containsString("author_id"));
        assertEquals(0, stored(broken.id()));

        // Fixed (the author named), it is taken, and the entry is marked replayed.
        SandboxUserView author = sandbox.user(customer).orElseThrow();
        ObjectNode fixed = (ObjectNode) mapper.readTree(entry.rawJson());
        fixed.put("author_id", Long.toString(author.id()));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body(mapper.writeValueAsString(new ReplayRequest(fixed.toString())))
                .when().post("/api/quarantine/" + entry.id() + "/replay")
                .then().statusCode(200)
                .body("taken", equalTo(true))
                .body("result", equalTo("STORED"))
                .body("entry.status", equalTo("REPLAYED"));
        assertEquals(1, stored(broken.id()));
        assertEquals(customer, authorHandleOf(broken.id()), "the author was looked up by the replay");
        assertEquals(0, countWaiting(broken.id()));

        // A replayed item can't be replayed again; an unknown id is a 404.
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/quarantine/" + entry.id() + "/replay")
                .then().statusCode(422);
        given().auth().preemptive().basic(admin.username(), admin.password())
                .when().get("/api/quarantine/999999999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aV11StatusWithoutUserIsQuarantinedAloneAndTheCursorMovesPastIt() throws Exception {
        assertNull(poller.poll(TestWorld.AIR).error());
        String customer = world.sandboxCustomer(sandbox, "Vee One");
        SandboxTweetView ok = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "v1 all fine", null);
        SandboxTweetView broken = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "v1 from a suspended user", null);
        faults.arm(new SandboxFault("statuses/mentions_timeline.json", 1, 0, 0, false, 0, SandboxFault.NO_USER));

        assertNull(poller.poll(TestWorld.AIR).error());

        assertTrue(faults.armed().isEmpty(), "the distortion was served");
        assertEquals(1, stored(ok.id()));
        assertEquals(0, stored(broken.id()));
        assertEquals(Long.toString(broken.id()), accounts.state(TestWorld.AIR).mentionsSinceId());
        QuarantineView entry = waitingFor(broken.id());
        assertEquals(QuarantineReason.MISSING_AUTHOR, entry.reason());
        assertEquals("x-v1.1", entry.source());
        assertTrue(entry.rawJson().contains("v1 from a suspended user"), entry.rawJson());
        assertTrue(mapper.readTree(entry.rawJson()).path("user").isMissingNode(), entry.rawJson());
    }

    @Test
    void aV11DmSenderTheLookupDoesNotReturnKeepsTheKnownHandleOrStaysUnknownUntilKnown() {
        assertNull(poller.poll(TestWorld.AIR).error());
        String customer = world.sandboxCustomer(sandbox, "Lu Lookup");
        long known = sandbox.sendDirectMessage(customer, TestWorld.AIR_HANDLE, "hi, it's me").id();
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(customer, authorHandleOf(known));

        long again = sandbox.sendDirectMessage(customer, TestWorld.AIR_HANDLE, "me again").id();
        faults.arm(new SandboxFault("users/lookup.json", 1, 0, 0, false, 0, SandboxFault.USERS_NOT_FOUND));
        assertNull(poller.poll(TestWorld.AIR).error());
        assertTrue(faults.armed().isEmpty(), "the distortion was served");
        assertEquals(1, stored(again));
        assertEquals(customer, authorHandleOf(again), "the known handle stays");
        assertEquals(0, renamesOf(customer), "no rename to the id");

        // First seen while the lookup can't find them: unknown (the id stands in), then known without a rename.
        String newcomer = world.sandboxCustomer(sandbox, "Una Known");
        String newcomerId = Long.toString(sandbox.user(newcomer).orElseThrow().id());
        long first = sandbox.sendDirectMessage(newcomer, TestWorld.AIR_HANDLE, "first DM").id();
        faults.arm(new SandboxFault("users/lookup.json", 1, 0, 0, false, 0, SandboxFault.USERS_NOT_FOUND));
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(newcomerId, authorHandleOf(first));
        sandbox.sendDirectMessage(newcomer, TestWorld.AIR_HANDLE, "second DM");
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(newcomer, authorHandleOf(first), "the handle, once known");
        assertEquals(0, renamesOf(newcomer), "learning the handle is no rename");
    }

    @Test
    void anItemThatComesAgainWhileWaitingIsCountedOnItsOwnRow() {
        String json = "{\"text\":\"an item without id " + world.nextId() + "\"}";
        QuarantinedItem noId = new QuarantinedItem(TestWorld.AIR_V2, QuarantinedItem.X_V2, MessageKind.MENTION, null,
                QuarantineReason.MISSING_ID, "no numeric id", json);

        quarantineService.hold(List.of(noId));
        quarantineService.hold(List.of(noId));

        List<QuarantineView> rows = quarantineService.list(QuarantineStatus.QUARANTINED, 200).items().stream()
                .filter(item -> json.equals(item.rawJson())).toList();
        assertEquals(1, rows.size());
        assertEquals(2, rows.get(0).occurrences());
    }

    @Test
    void theQuarantineIsForAdminsAndLeadsOnlyAndRefusesABadStatus() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/quarantine")
                .then().statusCode(403);
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/quarantine?status=REPLAYED")
                .then().statusCode(200);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/quarantine?status=bogus")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void dmEventsOfAnUnknownTypeOrWithABadDateAreQuarantinedAndTheOthersStored() {
        String customer = world.sandboxCustomer(sandbox, "Dee Events");
        long good = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "a normal DM").id();
        long unknown = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "a reaction, really").id();
        faults.arm(new SandboxFault(V2_DM_EVENTS, 1, 0, 0, false, 0, SandboxFault.UNKNOWN_EVENT_TYPE));

        assertNull(poller.poll(TestWorld.AIR_V2).error());

        assertEquals(1, stored(good));
        assertEquals(0, stored(unknown));
        assertEquals(QuarantineReason.UNKNOWN_TYPE, waitingFor(unknown).reason());
        assertEquals(Long.toString(unknown), accounts.state(TestWorld.AIR_V2).dmLastEventId());

        long dated = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "when was this?").id();
        String mentioner = world.sandboxCustomer(sandbox, "Bad Date");
        SandboxTweetView post = sandbox.postMention(mentioner, TestWorld.AIR_V2_HANDLE, "dated oddly", null);
        faults.arm(new SandboxFault(V2_DM_EVENTS, 1, 0, 0, false, 0, SandboxFault.BAD_CREATED_AT));
        faults.arm(new SandboxFault(V2_MENTIONS, 1, 0, 0, false, 0, SandboxFault.BAD_CREATED_AT));

        assertNull(poller.poll(TestWorld.AIR_V2).error());

        assertEquals(0, stored(dated));
        assertEquals(QuarantineReason.BAD_DATE, waitingFor(dated).reason());
        assertEquals(QuarantineReason.BAD_DATE, waitingFor(post.id()).reason());
        assertTrue(waitingFor(post.id()).rawJson().contains("yesterday at noon"));
    }

    @Test
    void anAuthorMissingFromIncludesNeverRenamesAKnownCustomerAndIsLookedUpInOneCall() {
        String customer = world.sandboxCustomer(sandbox, "Hana Handle");
        SandboxTweetView known = sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "hello, it's me", null);
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertEquals(customer, authorHandleOf(known.id()));
        long userReadsBefore = userReads();

        SandboxTweetView again = sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "me again", null);
        faults.arm(new SandboxFault(V2_MENTIONS, 1, 0, 0, false, 0, SandboxFault.AUTHOR_NOT_INCLUDED));
        assertNull(poller.poll(TestWorld.AIR_V2).error());

        assertTrue(faults.armed().isEmpty(), "the distortion was served");
        assertEquals(1, stored(again.id()));
        assertEquals(customer, authorHandleOf(again.id()), "the handle is unchanged");
        assertEquals(0, renamesOf(customer), "no rename in the handle history");
        assertEquals(userReadsBefore + 1, userReads(), "one user looked up, metered");

        // A customer first seen in a page without includes at all gets the handle from the lookup, not the id.
        String newcomer = world.sandboxCustomer(sandbox, "Nico Newcomer");
        SandboxTweetView first = sandbox.postMention(newcomer, TestWorld.AIR_V2_HANDLE, "first time here", null);
        faults.arm(new SandboxFault(V2_MENTIONS, 1, 0, 0, false, 0, SandboxFault.NO_INCLUDES));
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertEquals(newcomer, authorHandleOf(first.id()));
    }

    @Test
    void intakeQuarantinesARefusedMessageAloneAndReplaysItOnceItsAccountIsKnown() {
        Author kim = world.customer("Kim Batch");
        InboundMessage good = world.mention(TestWorld.AIR, kim, "a good message", null);
        InboundMessage noText = new InboundMessage(TestWorld.AIR, Network.X, world.nextId(), MessageKind.MENTION, kim,
                null, null, null, Instant.now());
        String lateKey = "late-" + world.nextId();
        InboundMessage lateAccount = world.mention(lateKey, kim, "for an account added later <script>alert(1)</script>",
                null);

        List<IntakeResult> results = intake.receiveAll(List.of(noText, good, lateAccount));

        assertEquals(List.of(IntakeResult.QUARANTINED, IntakeResult.STORED, IntakeResult.QUARANTINED), results);
        assertEquals(1, stored(Long.parseLong(good.externalId())));
        QuarantineView incomplete = waitingFor(Long.parseLong(noText.externalId()));
        assertEquals(QuarantineReason.REFUSED_BY_INTAKE, incomplete.reason());
        assertTrue(incomplete.detail().contains("text"), incomplete.detail());
        QuarantineView late = waitingFor(Long.parseLong(lateAccount.externalId()));
        assertTrue(late.detail().contains("unknown channel account " + lateKey), late.detail());
        assertTrue(late.rawJson().contains("for an account added later"), late.rawJson());

        TestWorld.Login lead = world.user(Role.LEAD);
        // The admin page lists it, linked from channel health, the customer's text escaped.
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin")
                .then().statusCode(200).body(containsString("href=\"/admin/quarantine\""));
        String page = given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin/quarantine")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("/admin/quarantine/" + late.id() + "/replay"), "a replay button");
        assertTrue(page.contains("REFUSED_BY_INTAKE"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the raw JSON is escaped");
        assertFalse(page.contains("<script>alert(1)"), "no user text unescaped");
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password())
                .redirects().follow(false)
                .when().get("/admin/quarantine")
                .then().statusCode(403);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/quarantine/" + late.id() + "/replay")
                .then().statusCode(422);
        // The cause fixed: the account exists now.
        QuarkusTransaction.requiringNew().run(() -> em.persist(
                new dev.signet.channel.ChannelAccount(lateKey, Network.X, "NotYet", Instant.now())));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/quarantine/" + late.id() + "/replay")
                .then().statusCode(200).body("result", equalTo("STORED"));
        assertEquals(1, stored(Long.parseLong(lateAccount.externalId())));
        assertFalse(quarantine().list(QuarantineStatus.QUARANTINED, 200).items().stream()
                .anyMatch(item -> item.id() == late.id()));
    }

    @Inject
    QuarantineService quarantineService;

    private QuarantineService quarantine() {
        return quarantineService;
    }

    private QuarantineView waitingFor(long externalId) {
        return quarantine().list(QuarantineStatus.QUARANTINED, 200).items().stream()
                .filter(item -> Long.toString(externalId).equals(item.externalId()))
                .findFirst().orElseThrow(() -> new AssertionError("nothing quarantined for " + externalId));
    }

    private long countWaiting(long externalId) {
        return quarantine().list(QuarantineStatus.QUARANTINED, 200).items().stream()
                .filter(item -> Long.toString(externalId).equals(item.externalId())).count();
    }

    private long stored(long externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.externalId = :id", Long.class)
                .setParameter("id", Long.toString(externalId)).getSingleResult());
    }

    private String authorHandleOf(long externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.authorIdentity.handle from Message m where m.externalId = :id", String.class)
                .setParameter("id", Long.toString(externalId)).getSingleResult());
    }

    private long renamesOf(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(h) from HandleHistory h where h.identity.handle = :h", Long.class)
                .setParameter("h", handle).getSingleResult());
    }

    private long userReads() {
        return usage.month(usage.thisMonth()).stream().filter(row -> row.accountKey().equals(TestWorld.AIR_V2))
                .mapToLong(ApiUsageView::userReads).sum();
    }
}
