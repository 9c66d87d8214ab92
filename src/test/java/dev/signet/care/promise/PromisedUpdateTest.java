package dev.signet.care.promise;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.Author;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.intake.IntakeService;
import dev.signet.reply.ReplyQueued;
import dev.signet.reply.ScheduledUpdateSender;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Keeping the customer in the loop: waiting on us needs a promised update (validated, in the account's time zone),
 * the queue raises it before it is due, overdue promises are counted per team, a scheduled update is published once,
 * signed, and leaving waiting on us settles the promise.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class PromisedUpdateTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;
    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    PromiseWatch watch;
    @Inject
    ScheduledUpdateSender sender;
    @Inject
    CrmImportService crm;

    @Test
    void waitingOnUsNeedsAValidPromiseAndABadOneChangesNothing() {
        TestWorld.Login maria = world.agent();
        long id = aConversation(TestWorld.AIR, "Picky Promise");
        String soon = local(Instant.now().plus(Duration.ofHours(2)), MADRID);

        refused(maria, id, Map.of("status", "WAITING_ON_US"), 400, "promise-required");
        refused(maria, id, Map.of("status", "WAITING_ON_US", "promisedUpdateAt", "tomorrow-ish"), 400, "promise-time-invalid");
        refused(maria, id, Map.of("status", "WAITING_ON_US",
                "promisedUpdateAt", local(Instant.now().minus(Duration.ofMinutes(5)), MADRID)), 422, "promise-in-the-past");
        refused(maria, id, Map.of("status", "WAITING_ON_US",
                "promisedUpdateAt", local(Instant.now().plus(Duration.ofDays(15)), MADRID)), 422, "promise-too-far");
        // 270 characters + " ^QAB" fits no public reply: refused now, not at the promised time.
        refused(maria, id, Map.of("status", "WAITING_ON_US", "promisedUpdateAt", soon, "updateText", "y".repeat(278)),
                422, "reply-too-long");
        refused(maria, id, Map.of("status", "RESOLVED", "promisedUpdateAt", soon), 400, "promise-only-when-waiting-on-us");

        as(maria).get("/api/conversations/" + id).then().statusCode(200)
                .body("status", equalTo("NEW")).body("promise", nullValue()).body("promisedUpdateAt", nullValue());
        assertEquals(0, promisesOf(id), "nothing stored");

        as(maria).contentType(ContentType.JSON)
                .body(Map.of("status", "WAITING_ON_US", "promisedUpdateAt", soon, "updateText", "Still tracing it."))
                .post("/api/conversations/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("WAITING_ON_US"))
                .body("timeZone", equalTo("Europe/Madrid"))
                .body("promise.dueLocal", equalTo(soon.replace('T', ' ')))
                .body("promise.timeZone", equalTo("Europe/Madrid"))
                .body("promise.state", equalTo("PROMISED"))
                .body("promise.updateText", equalTo("Still tracing it."))
                .body("promise.madeBy", equalTo(maria.initials()));
        assertEquals(1, promisesOf(id));
    }

    @Test
    void aPromiseAcrossMidnightInTheAccountsZoneIsStoredAsTheRightInstantAndShownInThatZone() {
        TestWorld.Login maria = world.agent();
        // Auckland's date is often not UTC's: 00:30 on the next local day, whatever UTC says.
        long id = aConversation(TestWorld.MOBILE, "Kiwi Midnight");
        LocalDate nextLocalDay = LocalDate.now(AUCKLAND).plusDays(1);
        LocalDateTime promised = LocalDateTime.of(nextLocalDay, LocalTime.of(0, 30));
        Instant expected = promised.atZone(AUCKLAND).toInstant();

        as(maria).contentType(ContentType.JSON)
                .body(Map.of("status", "WAITING_ON_US", "promisedUpdateAt", promised.toString()))
                .post("/api/conversations/" + id + "/status").then().statusCode(200)
                .body("promisedUpdateAt", equalTo(expected.toString()))
                .body("promise.dueAt", equalTo(expected.toString()))
                .body("promise.dueLocal", equalTo(nextLocalDay + " 00:30"))
                .body("promise.timeZone", equalTo("Pacific/Auckland"));

        as(maria).get("/conversations/" + id).then().statusCode(200)
                .body(containsString(nextLocalDay + " 00:30"))
                .body(containsString("Pacific/Auckland time"));
        // Raised from 00:00 local (30 minutes before), not at 23:59. (00:30 tomorrow is always more than 30 minutes
        // away, so it is never raised when made.)
        assertFalse(raisedFlag(id));
        watch.raise(expected.minus(Duration.ofMinutes(31)));
        assertFalse(raisedFlag(id), "not at 23:59 local");
        watch.raise(expected.minus(Duration.ofMinutes(30)));
        assertTrue(raisedFlag(id), "raised at 00:00 local");
    }

    @Test
    void theQueueRaisesAPromiseItsLeadTimeBeforeItIsDueAndMarksIt() {
        TestWorld.Login maria = world.agent();
        long later = aConversation(TestWorld.AIR, "Later Promise");
        long fresh = aConversation(TestWorld.AIR, "Fresh Customer");
        long soon = aConversation(TestWorld.AIR, "Soon Promise");
        Instant inThreeHours = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        promise(maria, later, inThreeHours.toString(), null).statusCode(200);
        promise(maria, soon, Instant.now().plus(Duration.ofMinutes(10)).toString(), null).statusCode(200);

        // Three hours ahead: the promise stands in for waiting, so the conversation sleeps at the end of the queue.
        assertNull(queueKey(later), "not in the order yet");
        as(maria).get("/api/conversations/" + later).then()
                .body("promise.state", equalTo("PROMISED"))
                .body("reasons", not(hasItem(startsWith("update due"))));
        // Ten minutes ahead, within the 30-minute lead: raised at once, marked, and the reason says why.
        as(maria).get("/api/conversations/" + soon).then()
                .body("promise.state", equalTo("DUE"))
                .body("reasons", hasItem(startsWith("update due in ")));
        assertNotNull(queueKey(soon));
        assertTrue(queueKey(soon).isBefore(queueKey(fresh)), "a due update goes before a customer who just wrote");
        JsonPath queue = as(maria).queryParam("account", TestWorld.AIR).queryParam("status", "WAITING_ON_US")
                .queryParam("size", 100).get("/api/conversations").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = queue.getList("items.id", Integer.class);
        int soonAt = ids.indexOf((int) soon);
        assertTrue(soonAt >= 0, "on the first page of waiting-on-us rows");
        assertEquals("DUE", queue.getString("items[" + soonAt + "].promise.state"));
        as(maria).get("/queue?account=" + TestWorld.AIR + "&status=WAITING_ON_US").then().statusCode(200)
                .body(containsString("badge promise-due"))
                .body(containsString("update due"));

        // The watch raises the later one 30 minutes before it is due (not 31), and it then sorts by its promise.
        watch.raise(inThreeHours.minus(Duration.ofMinutes(31)));
        assertNull(queueKey(later));
        watch.raise(inThreeHours.minus(Duration.ofMinutes(30)));
        assertNotNull(queueKey(later));
        assertTrue(queueKey(soon).isBefore(queueKey(later)), "the sooner promise first");
        assertEquals(0, watch.raise(inThreeHours), "raising twice changes nothing");
    }

    @Test
    void overduePromisesAreCountedPerTeamNeverPerAgent() {
        TestWorld.Login maria = world.agent();
        PromiseStats.Team mobileBefore = team(maria, TestWorld.MOBILE);
        PromiseStats.Team airBefore = team(maria, TestWorld.AIR);

        long late = aConversation(TestWorld.MOBILE, "Late Update");
        long onTime = aConversation(TestWorld.MOBILE, "Timely Update");
        promise(maria, late, Instant.now().plus(Duration.ofMinutes(40)).toString(), null).statusCode(200);
        promise(maria, onTime, Instant.now().plus(Duration.ofMinutes(40)).toString(), null).statusCode(200);
        pastDue(late, Duration.ofMinutes(10));
        watch.raise(Instant.now());

        PromiseStats.Team mobile = team(maria, TestWorld.MOBILE);
        assertEquals(mobileBefore.overdueNow() + 1, mobile.overdueNow());
        assertEquals(mobileBefore.pending() + 1, mobile.pending());
        assertEquals(airBefore.overdueNow(), team(maria, TestWorld.AIR).overdueNow(), "another team's figure is its own");
        as(maria).get("/api/conversations/" + late).then().body("promise.state", equalTo("OVERDUE"))
                .body("reasons", hasItem(startsWith("promised update overdue 10 min")));

        // The replies settle them: one late (broken), one on time (kept).
        reply(maria, late, "Here is your update, sorry it is late.");
        reply(maria, onTime, "Here is your update.");
        mobile = team(maria, TestWorld.MOBILE);
        assertEquals(mobileBefore.overdueNow(), mobile.overdueNow());
        assertEquals(mobileBefore.broken() + 1, mobile.broken());
        assertEquals(mobileBefore.kept() + 1, mobile.kept());

        String body = as(maria).get("/api/care/promises").then().statusCode(200)
                .body("days", equalTo(7))
                .body("teams.account", hasItem(TestWorld.MOBILE))
                .extract().asString();
        assertTrue(!body.contains(maria.initials()) && !body.contains(maria.username()) && !body.contains("madeBy"),
                "team figures name no agent: " + body);
        as(maria).queryParam("days", 0).get("/api/care/promises").then().statusCode(400)
                .body("type", equalTo("/problems/bad-period"));
        as(maria).get("/queue?account=" + TestWorld.MOBILE).then().statusCode(200)
                .body(containsString("id=\"promise-figures\""))
                .body(containsString("overdue now"))
                .body(containsString(mobile.kept() + " kept, " + mobile.broken() + " broken"));
    }

    @Test
    void aScheduledDirectMessageUpdateIsPublishedOnceSignedByThePromiserAndKeepsThePromise() {
        TestWorld.Login maria = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Porting Pat");
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "my number port is stuck, ref NB-1");
        assertNull(poller.poll(TestWorld.MOBILE).error());
        long id = conversationOfHandle(customer);
        Instant due = Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(ChronoUnit.SECONDS);
        promise(maria, id, due.toString(), "Your port is done: the number works on Nimbus now.").statusCode(200);

        assertTrue(sentFor(sender.sendDue(due.minusSeconds(1)), id).isEmpty(), "not before it is due");
        assertEquals(1, sentFor(sender.sendDue(due), id).size());
        assertTrue(sentFor(sender.sendDue(due.plusSeconds(30)), id).isEmpty(), "exactly once");

        List<SandboxDirectMessageView> toCustomer = sandbox.directMessagesOf(customer).stream()
                .filter(dm -> dm.senderHandle().equals(TestWorld.MOBILE_HANDLE)).toList();
        assertEquals(1, toCustomer.size());
        assertEquals("Your port is done: the number works on Nimbus now. -" + maria.initials().toLowerCase(),
                toCustomer.get(0).text());
        as(maria).get("/api/conversations/" + id).then().statusCode(200)
                .body("status", equalTo("WAITING_ON_US"))
                .body("promise", nullValue())
                .body("messages[-1].direction", equalTo("OUT"))
                .body("messages[-1].agentInitials", equalTo(maria.initials()))
                .body("messages[-1].delivery.status", equalTo("SENT"));
        assertEquals("KEPT", outcomeOf(id));
        // Still waiting on us: the next update can be promised.
        promise(maria, id, Instant.now().plus(Duration.ofHours(1)).toString(), null).statusCode(200);
    }

    @Test
    void aScheduledPublicUpdateIsAReplyToTheCustomersLatestPost() {
        TestWorld.Login maria = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Bag Tracer");
        SandboxTweetView mention = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "my bag never arrived", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = conversationOfHandle(customer);
        Instant due = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        promise(maria, id, due.toString(), "Found it: your bag arrives tonight.").statusCode(200);

        assertEquals(1, sentFor(sender.sendDue(due.plusSeconds(5)), id).size());
        List<SandboxTweetView> replies = sandbox.tweetsBy(TestWorld.AIR_HANDLE).stream()
                .filter(t -> t.inReplyToStatusId() != null && t.inReplyToStatusId() == mention.id()).toList();
        assertEquals(1, replies.size());
        assertTrue(replies.get(0).text().endsWith("Found it: your bag arrives tonight. ^" + maria.initials()),
                replies.get(0).text());
    }

    @Test
    void leavingWaitingOnUsSettlesOrKeepsThePromise() {
        TestWorld.Login maria = world.agent();
        Author author = world.customer("Settle Case");
        crm.upsert(List.of(new CrmRecord("crm-" + author.userId(), "Settle Case", null, null, null, null,
                author.userId(), author.handle(), null)), "test");
        InboundMessage first = world.mention(TestWorld.AIR, author, "@SignetTestAir where is my refund", null);
        intake.receive(first);
        long id = world.conversationOfExternalId(first.externalId());
        String inAnHour = Instant.now().plus(Duration.ofHours(1)).toString();

        // Resolved before it is due: withdrawn.
        promise(maria, id, inAnHour, null).statusCode(200);
        status(maria, id, "RESOLVED").statusCode(200).body("promise", nullValue());
        assertEquals("WITHDRAWN", outcomeOf(id));

        // The customer writes while an update with text is promised: still owed, but the text is held back.
        status(maria, id, "OPEN").statusCode(200);
        promise(maria, id, Instant.now().plus(Duration.ofMinutes(15)).toString(), "All sorted now.").statusCode(200);
        intake.receive(world.mention(TestWorld.AIR, author, "@SignetTestAir any news?", null));
        as(maria).get("/api/conversations/" + id).then().body("status", equalTo("OPEN"))
                .body("promise.updateText", equalTo("All sorted now."));
        assertTrue(sentFor(sender.sendDue(Instant.now().plus(Duration.ofHours(1))), id).isEmpty(),
                "no pre-written update after the customer wrote");
        assertEquals("PENDING", outcomeOf(id));
        as(maria).get("/conversations/" + id).then().body(containsString("held back"));

        // Waiting on the customer closes it without an update.
        status(maria, id, "WAITING_ON_CUSTOMER").statusCode(200).body("promise", nullValue());
        assertEquals("WITHDRAWN", outcomeOf(id));

        // A reply keeps a pending promise.
        promise(maria, id, inAnHour, null).statusCode(200);
        reply(maria, id, "We found it.");
        assertEquals("KEPT", outcomeOf(id));
        as(maria).get("/api/conversations/" + id).then().body("status", equalTo("WAITING_ON_CUSTOMER"))
                .body("promise", nullValue());

        // The customer's timeline shows the promises and how they ended.
        long customerId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.identity.customer.id from Conversation c where c.id = :id", Long.class)
                .setParameter("id", id).getSingleResult());
        as(maria).get("/api/customers/" + customerId + "/timeline").then().statusCode(200)
                .body("entries.type", hasItem("PROMISE"))
                .body("entries.type", hasItem("PROMISE_SETTLED"))
                .body("entries.text", hasItem("update sent: promise kept"))
                .body("entries.text", hasItem(startsWith("update promised for ")));
        as(maria).get("/customers/" + customerId).then().statusCode(200)
                .body(containsString("Update promised by <span class=\"signature\">^" + maria.initials()));
    }

    @Test
    void thePageRecordsAPromiseAndKeepsWhatWasTypedWhenItIsRefused() {
        TestWorld.Login maria = world.agent();
        long id = aConversation(TestWorld.AIR, "Page Promise");
        var page = as(maria).get("/conversations/" + id);
        page.then().statusCode(200).body(containsString("name=\"promisedUpdateAt\"")).body(containsString("Europe/Madrid time"));

        String past = local(Instant.now().minus(Duration.ofHours(1)), MADRID);
        given().auth().preemptive().basic(maria.username(), maria.password()).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .formParam("csrf-token", dev.signet.testsupport.Csrf.token(page))
                .formParam("status", "WAITING_ON_US").formParam("promisedUpdateAt", past)
                .formParam("updateText", "Your <b>bag</b> is found")
                .when().post("/conversations/" + id + "/status")
                .then().statusCode(422)
                .body(containsString("has already passed"))
                .body(containsString("value=\"" + past + "\""))
                .body(containsString("Your &lt;b&gt;bag&lt;/b&gt; is found"));
        assertEquals(0, promisesOf(id));

        String later = local(Instant.now().plus(Duration.ofHours(5)), MADRID);
        given().auth().preemptive().basic(maria.username(), maria.password()).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .formParam("csrf-token", dev.signet.testsupport.Csrf.token(page))
                .formParam("status", "WAITING_ON_US").formParam("promisedUpdateAt", later)
                .when().post("/conversations/" + id + "/status")
                .then().statusCode(303);
        as(maria).get("/conversations/" + id).then().statusCode(200)
                .body(containsString("Update promised to the customer by"))
                .body(containsString(later.replace('T', ' ')));
    }

    // --- helpers

    private void refused(TestWorld.Login login, long id, Map<String, String> body, int status, String slug) {
        as(login).contentType(ContentType.JSON).body(body).post("/api/conversations/" + id + "/status")
                .then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("/problems/" + slug));
    }

    private ValidatableResponse promise(TestWorld.Login login, long id, String at, String text) {
        Map<String, String> body = text == null ? Map.of("status", "WAITING_ON_US", "promisedUpdateAt", at)
                : Map.of("status", "WAITING_ON_US", "promisedUpdateAt", at, "updateText", text);
        return as(login).contentType(ContentType.JSON).body(body).post("/api/conversations/" + id + "/status").then();
    }

    private ValidatableResponse status(TestWorld.Login login, long id, String status) {
        return as(login).contentType(ContentType.JSON).body(Map.of("status", status))
                .post("/api/conversations/" + id + "/status").then();
    }

    private void reply(TestWorld.Login login, long id, String text) {
        as(login).contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/conversations/" + id + "/replies")
                .then().statusCode(201);
    }

    private PromiseStats.Team team(TestWorld.Login login, String account) {
        return as(login).queryParam("account", account).get("/api/care/promises").then().statusCode(200)
                .extract().jsonPath().getObject("teams[0]", PromiseStats.Team.class);
    }

    private static List<ReplyQueued> sentFor(List<ReplyQueued> sent, long conversationId) {
        return sent.stream().filter(q -> q.conversationId() == conversationId).toList();
    }

    private static String local(Instant at, ZoneId zone) {
        return PromiseTime.field(at, zone);
    }

    /** Time passes: the conversation's promise was due {@code ago}. */
    private void pastDue(long id, Duration ago) {
        Instant due = Instant.now().minus(ago);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createQuery("update UpdatePromise p set p.dueAt = :due where p.conversation.id = :id and p.outcome = "
                    + "dev.signet.care.promise.PromiseOutcome.PENDING").setParameter("due", due).setParameter("id", id)
                    .executeUpdate();
            em.createQuery("update Conversation c set c.promisedUpdateAt = :due where c.id = :id")
                    .setParameter("due", due).setParameter("id", id).executeUpdate();
        });
    }

    private long promisesOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(p) from UpdatePromise p where p.conversation.id = :id", Long.class)
                .setParameter("id", id).getSingleResult());
    }

    private String outcomeOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.outcome from UpdatePromise p where p.conversation.id = :id order by p.madeAt desc, p.id desc",
                PromiseOutcome.class).setParameter("id", id).setMaxResults(1).getSingleResult().name());
    }

    private Instant queueKey(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.queueKey from Conversation c where c.id = :id", Instant.class)
                .setParameter("id", id).getSingleResult());
    }

    private boolean raisedFlag(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.promiseRaised from Conversation c where c.id = :id", Boolean.class)
                .setParameter("id", id).getSingleResult());
    }

    private RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).when();
    }

    private long aConversation(String account, String name) {
        String handle = account.equals(TestWorld.MOBILE) ? TestWorld.MOBILE_HANDLE : TestWorld.AIR_HANDLE;
        InboundMessage mention = world.mention(account, world.customer(name), "@" + handle + " help please", null);
        intake.receive(mention);
        return world.conversationOfExternalId(mention.externalId());
    }

    private long conversationOfHandle(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.handle = :h order by c.id desc", Long.class)
                .setParameter("h", handle).setMaxResults(1).getSingleResult());
    }
}
