package dev.signet.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.CustomerView;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * The walking skeleton end to end, through real HTTP: a customer posts on the sandbox X, the poller fetches it,
 * it is in the queue API, an agent replies, and the sandbox received exactly one signed post threaded under the
 * customer's post (or one DM). Each subclass runs it through one X API version ({@link MentionToReplyTest}:
 * v1.1 through Twitter4J; {@link XApiV2MentionToReplyTest}: v2 through the REST client), with a public account
 * ({@link #air()}) and a DM account with another signature format ({@link #mobile()}). The sandbox verifies every
 * request's OAuth signature, so a passing flow also proves the connector signs correctly.
 */
@ExtendWith(SandboxExtension.class)
abstract class AbstractMentionToReplyTest {

    /** A configured brand account and the handle of its sandbox user. */
    protected record Brand(String account, String handle) {
    }

    /** The account answering public mentions (signature " ^XY"). */
    protected abstract Brand air();

    /** The account answering DMs (signature " -xy"). */
    protected abstract Brand mobile();

    @Inject
    protected SandboxService sandbox;
    @Inject
    protected ChannelPoller poller;
    @Inject
    protected TestWorld world;
    @Inject
    protected EntityManager em;

    @Test
    void aMentionIsQueuedAndGetsExactlyOneSignedThreadedReply() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Casey Customer");
        SandboxTweetView mention = sandbox.postMention(customer, air().handle(), "my flight got cancelled, help", null);

        assertNull(poller.poll(air().account()).error());

        long id = conversationIdOf(agent, customer);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + id)
                .then().statusCode(200)
                .body("kind", equalTo("PUBLIC"))
                .body("messages[0].externalId", equalTo(Long.toString(mention.id())))
                .body("messages[0].text", equalTo(mention.text()));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + id)
                .then().statusCode(200)
                .body(not(containsString("Answer by DM")));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"So sorry, Casey! We are rebooking you now.\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("delivery", equalTo("SENT"))
                .body("text", equalTo("So sorry, Casey! We are rebooking you now. ^" + agent.initials()))
                .body("externalId", notNullValue());

        List<SandboxTweetView> replies = brandRepliesTo(air().handle(), mention.id());
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
        assertNull(poller.poll(air().account()).error());
        assertEquals(before, messageCount());
        SandboxTweetView thanks = sandbox.postTweet(customer, "@" + air().handle() + " thank you!", replies.get(0).id());
        assertNull(poller.poll(air().account()).error());
        assertEquals(id, conversationOfMessage(Long.toString(thanks.id())));
    }

    @Test
    void aDirectMessageIsAnsweredWithOneSignedDirectMessage() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Dana Direct");
        sandbox.sendDirectMessage(customer, mobile().handle(), "my SIM stopped working, account 4471");

        assertNull(poller.poll(mobile().account()).error());
        long id = conversationIdOf(agent, customer);

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"Let's fix that. Can you restart the phone?\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("delivery", equalTo("SENT"))
                .body("text", endsWith(" -" + agent.initials().toLowerCase()));

        List<SandboxDirectMessageView> toCustomer = sandbox.directMessagesOf(customer).stream()
                .filter(dm -> dm.senderHandle().equals(mobile().handle()))
                .toList();
        assertEquals(1, toCustomer.size());
        assertEquals("Let's fix that. Can you restart the phone? -" + agent.initials().toLowerCase(), toCustomer.get(0).text());

        // The sent DM is in the brand's DM list now: the next poll drops it as the brand's own.
        long before = messageCount();
        assertNull(poller.poll(mobile().account()).error());
        assertEquals(before, messageCount());
    }

    @Test
    void fetchingTheSameMessagesAgainStoresNothingNew() {
        String customer = world.sandboxCustomer(sandbox, "Rita Repeat");
        SandboxTweetView first = sandbox.postMention(customer, air().handle(), "where is my bag?", null);
        sandbox.postTweet(customer, "@" + air().handle() + " it was a red suitcase", first.id());
        sandbox.sendDirectMessage(customer, air().handle(), "tag number 0042");
        assertNull(poller.poll(air().account()).error());
        long stored = messageCount();

        // Forget the cursors, as after a crash before they were saved: X returns the same pages again.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.mentionsSinceId = null, a.dmLastEventId = null where a.accountKey = :key")
                .setParameter("key", air().account()).executeUpdate());
        assertNull(poller.poll(air().account()).error());
        assertEquals(stored, messageCount());
    }

    @Test
    void aBurstLargerThanOnePageLosesNothingAndRepeatsNothing() {
        String customer = world.sandboxCustomer(sandbox, "Bea Burst");
        assertNull(poller.poll(air().account()).error());
        Set<String> posted = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            posted.add(Long.toString(sandbox.postMention(customer, air().handle(), "still waiting, update " + i, null).id()));
        }

        assertNull(poller.poll(air().account()).error());
        Set<String> lost = new HashSet<>(posted);
        lost.removeAll(storedExternalIds(posted));
        assertEquals(0, lost.size(), lost.size() + " of the 250 posts lost");
        assertEquals(250, messagesOfCustomer(customer), "none stored twice");

        assertNull(poller.poll(air().account()).error());
        assertEquals(250, messagesOfCustomer(customer), "polling again stores nothing new");
    }

    @Test
    void refusedRepliesPublishNothing() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Nora Nothing");
        SandboxTweetView mention = sandbox.postMention(customer, air().handle(), "hello?", null);
        assertNull(poller.poll(air().account()).error());
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

        assertEquals(0, brandRepliesTo(air().handle(), mention.id()).size());
    }

    /**
     * The one conversation of this customer, as the agent finds it in the queue filtered to its account. Read from
     * the database: the queue puts the longest-waiting first, and the shared test database holds many older ones.
     */
    protected long conversationIdOf(TestWorld.Login agent, String customerHandle) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.handle = :h", Long.class)
                .setParameter("h", customerHandle).getResultList());
        assertEquals(1, ids.size(), "one conversation for " + customerHandle);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + ids.get(0))
                .then().statusCode(200);
        return ids.get(0);
    }

    protected List<SandboxTweetView> brandRepliesTo(String brandHandle, long statusId) {
        return sandbox.tweetsBy(brandHandle).stream()
                .filter(tweet -> tweet.inReplyToStatusId() != null && tweet.inReplyToStatusId() == statusId)
                .toList();
    }

    protected Set<String> storedExternalIds(Set<String> externalIds) {
        return new HashSet<>(QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.externalId from Message m where m.externalId in :ids", String.class)
                .setParameter("ids", externalIds).getResultList()));
    }

    protected long messagesOfCustomer(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.authorIdentity.handle = :handle", Long.class)
                .setParameter("handle", handle).getSingleResult());
    }

    protected long messageCount() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(m) from Message m", Long.class)
                .getSingleResult());
    }

    private long conversationOfMessage(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", externalId).getSingleResult());
    }
}
