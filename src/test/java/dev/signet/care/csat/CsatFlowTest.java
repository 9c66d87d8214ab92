package dev.signet.care.csat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.care.ConversationKind;
import dev.signet.channel.ChannelPoller;
import dev.signet.reply.CsatAsker;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * CSAT end to end through the sandbox X: resolve → the question is published once, in the conversation's
 * channel, signed by the agent who resolved it → the customer answers → the answer is stored, the conversation
 * stays resolved → the insights count it. Time is moved by calling {@link CsatAsker#askDue} with a later moment.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class CsatFlowTest {

    private static final Duration AFTER_DELAY = Duration.ofMinutes(11);

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    CsatAsker asker;
    @Inject
    EntityManager em;

    @Test
    void aResolvedPublicConversationIsAskedOnceAndAPlainScoreIsStoredWithoutReopeningIt() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Sam Survey");
        SandboxTweetView mention = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "my bag is lost", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = world.latestConversationOf(customer);
        reply(agent, id, "Found it! It arrives tonight.");
        resolve(agent, id);

        assertEquals(0, asker.askDue(Instant.now()), "not before the delay");
        assertEquals("SCHEDULED", surveys(agent, id).getString("[0].status"));
        resolvedElevenMinutesAgo(id);
        asker.askDue(Instant.now());
        asker.askDue(Instant.now().plusSeconds(60));

        List<SandboxTweetView> brandPosts = sandbox.tweetsBy(TestWorld.AIR_HANDLE).stream()
                .filter(t -> mention.id() == (t.inReplyToStatusId() == null ? 0 : t.inReplyToStatusId()))
                .toList();
        List<SandboxTweetView> questions = brandPosts.stream().filter(t -> t.text().contains("How satisfied")).toList();
        assertEquals(1, questions.size(), "exactly one question, as a public reply: " + brandPosts);
        assertTrue(questions.get(0).text().endsWith(" ^" + agent.initials()), "signed by who resolved it");
        JsonPath asked = surveys(agent, id);
        assertEquals("ASKED", asked.getString("[0].status"));
        assertEquals(agent.initials(), asked.getString("[0].askedBy"));

        SandboxTweetView answer = sandbox.postTweet(customer, "@" + TestWorld.AIR_HANDLE + " 4/5", questions.get(0).id());
        assertNull(poller.poll(TestWorld.AIR).error());

        JsonPath answered = surveys(agent, id);
        assertEquals("ANSWERED", answered.getString("[0].status"));
        assertEquals(4, answered.getInt("[0].score"));
        assertNull(answered.get("[0].comment"));
        assertEquals(false, answered.getBoolean("[0].reopened"));
        as(agent).get("/api/conversations/" + id).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("contactCount", equalTo(1))
                .body("messages.find { it.externalId == '" + answer.id() + "' }.text", equalTo(answer.text()));

        // Team figures in the insights.
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        JsonPath csat = given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.AIR + "?period=day")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(true, csat.getBoolean("csat.available"));
        assertTrue(csat.getLong("csat.asked") >= 1);
        assertTrue(csat.getLong("csat.answered") >= 1);
        assertTrue(csat.getDouble("csat.averageScore") >= 1 && csat.getDouble("csat.averageScore") <= 5);
    }

    @Test
    void aDmConversationIsAskedByDmAndTheCustomerIsNotAskedAgainWithinThePeriod() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Dee Direct");
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "my SIM is dead");
        assertNull(poller.poll(TestWorld.MOBILE).error());
        long dm = world.latestConversationOf(customer);
        reply(agent, dm, "A new SIM is on its way.");
        resolve(agent, dm);
        asker.askDue(Instant.now().plus(AFTER_DELAY));

        List<SandboxDirectMessageView> questions = sandbox.directMessagesOf(customer).stream()
                .filter(m -> m.senderHandle().equals(TestWorld.MOBILE_HANDLE) && m.text().contains("How satisfied"))
                .toList();
        assertEquals(1, questions.size());
        assertTrue(questions.get(0).text().endsWith(" -" + agent.initials().toLowerCase()));

        // A bad answer first: "7" is no score; the survey waits for a valid one and the conversation stays resolved.
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "7");
        assertNull(poller.poll(TestWorld.MOBILE).error());
        JsonPath afterSeven = surveys(agent, dm);
        assertEquals("ASKED", afterSeven.getString("[0].status"));
        assertEquals("7", afterSeven.getString("[0].unreadable"));
        assertNull(afterSeven.get("[0].score"));
        as(agent).get("/api/conversations/" + dm).then().body("status", equalTo("RESOLVED"));

        // Then a low score with a complaint: stored, and the conversation goes back to the queue.
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "2 - the new SIM never came");
        assertNull(poller.poll(TestWorld.MOBILE).error());
        JsonPath answered = surveys(agent, dm);
        assertEquals("ANSWERED", answered.getString("[0].status"));
        assertEquals(2, answered.getInt("[0].score"));
        assertEquals("the new SIM never came", answered.getString("[0].comment"));
        assertEquals(true, answered.getBoolean("[0].reopened"));
        as(agent).get("/api/conversations/" + dm).then().body("status", equalTo("OPEN")).body("contactCount", equalTo(2));

        // The same customer on the other brand, in public, days later: not asked again within 30 days.
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "and my flight was late", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long other = world.latestConversationOf(customer, ConversationKind.PUBLIC);
        reply(agent, other, "Sorry about that.");
        resolve(agent, other);
        int before = sandbox.tweetsBy(TestWorld.AIR_HANDLE).size();
        asker.askDue(Instant.now().plus(AFTER_DELAY));
        assertEquals(before, sandbox.tweetsBy(TestWorld.AIR_HANDLE).size(), "nothing published");
        JsonPath capped = surveys(agent, other);
        assertEquals("SKIPPED", capped.getString("[0].status"));
        assertEquals("ASKED_RECENTLY", capped.getString("[0].skipReason"));
    }

    @Test
    void anEscalatedConversationIsNeverAskedAndTheSkipIsShownWithItsReason() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Eve Escalated");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "third time I write about this refund", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = world.latestConversationOf(customer);
        reply(agent, id, "A lead is on it.");
        // Set by the escalation rule (issue #7, another part); here by hand.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update conversation set escalated = true where id = :id")
                .setParameter("id", id).executeUpdate());
        resolve(agent, id);
        int before = sandbox.tweetsBy(TestWorld.AIR_HANDLE).size();
        asker.askDue(Instant.now().plus(AFTER_DELAY));

        assertEquals(before, sandbox.tweetsBy(TestWorld.AIR_HANDLE).size(), "no question on X");
        JsonPath skipped = surveys(agent, id);
        assertEquals("SKIPPED", skipped.getString("[0].status"));
        assertEquals("ESCALATED", skipped.getString("[0].skipReason"));
        assertNull(skipped.get("[0].questionId"));
        as(agent).get("/conversations/" + id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("not asked</strong> — escalated conversation"));
    }

    @Test
    void reopenedBeforeTheDelayIsSkippedAndAnUnknownConversationIs404() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Rita Reopen");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "seat not assigned", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = world.latestConversationOf(customer);
        reply(agent, id, "Done, 14C.");
        resolve(agent, id);
        as(agent).contentType(ContentType.JSON).body("{\"status\":\"OPEN\"}")
                .post("/api/conversations/" + id + "/status").then().statusCode(200);
        asker.askDue(Instant.now().plus(AFTER_DELAY));
        assertEquals("REOPENED", surveys(agent, id).getString("[0].skipReason"));

        as(agent).get("/api/conversations/999999999/csat").then().statusCode(404)
                .body("type", org.hamcrest.Matchers.endsWith("/problems/conversation-not-found"))
                .body("score", nullValue());
    }

    /** Moves the resolution back in time, as if the delay had passed (the question is then asked at real time). */
    private void resolvedElevenMinutesAgo(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update conversation set resolved_at = resolved_at - interval '11 minutes' where id = :id")
                    .setParameter("id", id).executeUpdate();
            em.createNativeQuery("""
                    update csat_survey set resolved_at = resolved_at - interval '11 minutes',
                    due_at = due_at - interval '11 minutes' where conversation_id = :id""")
                    .setParameter("id", id).executeUpdate();
        });
    }

    private RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password());
    }

    private void reply(TestWorld.Login agent, long id, String text) {
        as(agent).contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .post("/api/conversations/" + id + "/replies").then().statusCode(201).body("delivery", equalTo("SENT"));
    }

    private void resolve(TestWorld.Login agent, long id) {
        as(agent).contentType(ContentType.JSON).body("{\"status\":\"RESOLVED\"}")
                .post("/api/conversations/" + id + "/status").then().statusCode(200);
    }

    private JsonPath surveys(TestWorld.Login agent, long id) {
        return as(agent).get("/api/conversations/" + id + "/csat").then().statusCode(200).extract().jsonPath();
    }
}
