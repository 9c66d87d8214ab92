package dev.signet.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.CustomerView;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The walking skeleton end to end, through real HTTP and Twitter4J: a customer posts on the sandbox X, the
 * poller fetches it, it is in the queue API, an agent replies, and the sandbox received exactly one signed
 * status threaded under the customer's post (or one DM). Runs on PostgreSQL; {@code EmbeddedMentionToReplyTest}
 * runs it again on the embedded default's H2.
 */
@QuarkusTest
class MentionToReplyTest {

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @BeforeEach
    void brandsExistOnTheSandbox() {
        world.sandboxBrands(sandbox);
    }

    @Test
    void aMentionIsQueuedAndGetsExactlyOneSignedThreadedReply() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Casey Customer");
        SandboxTweetView mention = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "my flight got cancelled, help", null);

        assertNull(poller.poll(TestWorld.AIR).error());

        long id = conversationIdOf(agent, customer);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + id)
                .then().statusCode(200)
                .body("kind", equalTo("PUBLIC"))
                .body("messages[0].externalId", equalTo(Long.toString(mention.id())))
                .body("messages[0].text", equalTo(mention.text()));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"So sorry, Casey! We are rebooking you now.\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("delivery", equalTo("SENT"))
                .body("text", equalTo("So sorry, Casey! We are rebooking you now. ^" + agent.initials()))
                .body("externalId", notNullValue());

        List<SandboxTweetView> replies = brandRepliesTo(TestWorld.AIR_HANDLE, mention.id());
        assertEquals(1, replies.size(), "exactly one status on X");
        assertTrue(replies.get(0).text().endsWith(" ^" + agent.initials()));
        CustomerView view = sandbox.customerView(customer);
        assertTrue(view.items().stream().anyMatch(item -> !item.byCustomer() && item.text().endsWith("^" + agent.initials())),
                "the customer sees the signed answer");

        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + id)
                .then().statusCode(200)
                .body("status", equalTo("WAITING_ON_CUSTOMER"))
                .body("messages[1].direction", equalTo("OUT"))
                .body("messages[1].agentInitials", equalTo(agent.initials()))
                .body("messages[1].externalId", equalTo(Long.toString(replies.get(0).id())));

        // The brand's own reply comes back from X (it mentions the customer, not the brand, but a DM list or a
        // reply chain would show it): polling again stores nothing, and the customer's answer joins the thread.
        long before = messageCount();
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(before, messageCount());
        SandboxTweetView thanks = sandbox.postTweet(customer, "@" + TestWorld.AIR_HANDLE + " thank you!", replies.get(0).id());
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(id, conversationOfMessage(Long.toString(thanks.id())));
    }

    @Test
    void aDirectMessageIsAnsweredWithOneSignedDirectMessage() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Dana Direct");
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "my SIM stopped working, account 4471");

        assertNull(poller.poll(TestWorld.MOBILE).error());
        long id = conversationIdOf(agent, customer);

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"Let's fix that. Can you restart the phone?\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("delivery", equalTo("SENT"))
                .body("text", endsWith(" -" + agent.initials().toLowerCase()));

        List<SandboxDirectMessageView> toCustomer = sandbox.directMessagesOf(customer).stream()
                .filter(dm -> dm.senderHandle().equals(TestWorld.MOBILE_HANDLE))
                .toList();
        assertEquals(1, toCustomer.size());
        assertEquals("Let's fix that. Can you restart the phone? -" + agent.initials().toLowerCase(), toCustomer.get(0).text());

        // The sent DM is in the brand's DM list now: the next poll drops it as the brand's own.
        long before = messageCount();
        assertNull(poller.poll(TestWorld.MOBILE).error());
        assertEquals(before, messageCount());
    }

    @Test
    void fetchingTheSameMessagesAgainStoresNothingNew() {
        String customer = world.sandboxCustomer(sandbox, "Rita Repeat");
        SandboxTweetView first = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "where is my bag?", null);
        sandbox.postTweet(customer, "@" + TestWorld.AIR_HANDLE + " it was a red suitcase", first.id());
        sandbox.sendDirectMessage(customer, TestWorld.AIR_HANDLE, "tag number 0042");
        assertNull(poller.poll(TestWorld.AIR).error());
        long stored = messageCount();

        // Forget the cursors, as after a crash before they were saved: X returns the same pages again.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.mentionsSinceId = null, a.dmLastEventId = null where a.accountKey = :key")
                .setParameter("key", TestWorld.AIR).executeUpdate());
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(stored, messageCount());
    }

    @Test
    void refusedRepliesPublishNothing() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Nora Nothing");
        SandboxTweetView mention = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "hello?", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = conversationIdOf(agent, customer);

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"" + "y".repeat(276) + "\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(422).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(401).contentType("application/problem+json");

        assertEquals(0, brandRepliesTo(TestWorld.AIR_HANDLE, mention.id()).size());
    }

    private long conversationIdOf(TestWorld.Login agent, String customerHandle) {
        List<Integer> ids = given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("size", 100)
                .when().get("/api/conversations")
                .then().statusCode(200)
                .extract().path("items.findAll { it.handle == '%s' }.id", customerHandle);
        assertEquals(1, ids.size(), "one conversation for " + customerHandle);
        return ids.get(0);
    }

    private List<SandboxTweetView> brandRepliesTo(String brandHandle, long statusId) {
        return sandbox.tweetsBy(brandHandle).stream()
                .filter(tweet -> tweet.inReplyToStatusId() != null && tweet.inReplyToStatusId() == statusId)
                .toList();
    }

    private long messageCount() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(m) from Message m", Long.class)
                .getSingleResult());
    }

    private long conversationOfMessage(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", externalId).getSingleResult());
    }
}
