package dev.signet.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Right brand, right conversation, end to end through the sandbox X: a post that mentions two brand accounts is in
 * each account's queue and each answer is published by the account it was answered from; a customer's reply to
 * another customer's post is the replier's own conversation, shown as related to the first.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class RightBrandFlowTest {

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void aPostMentioningTwoBrandsIsInBothQueuesAndEachAnswerIsPublishedByItsOwnAccount() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Mo Both");
        SandboxTweetView post = sandbox.postTweet(customer,
                "@" + TestWorld.AIR_HANDLE + " @" + TestWorld.MOBILE_HANDLE + " no signal since I landed, who fixes this?", null);

        assertNull(poller.poll(TestWorld.AIR).error());
        assertNull(poller.poll(TestWorld.MOBILE).error());

        long air = conversationOf(customer, TestWorld.AIR);
        long mobile = conversationOf(customer, TestWorld.MOBILE);
        assertNotEquals(air, mobile);
        for (long id : List.of(air, mobile)) {
            given().auth().preemptive().basic(agent.username(), agent.password())
                    .when().get("/api/conversations/" + id)
                    .then().statusCode(200)
                    .body("messages[0].externalId", equalTo(Long.toString(post.id())));
        }

        reply(agent, mobile, "Let's check your roaming settings.");
        reply(agent, air, "Sorry to hear it! Our crew can't fix it, but Mobile can.");

        assertEquals(List.of("Let's check your roaming settings. -" + agent.initials().toLowerCase()),
                repliesTo(TestWorld.MOBILE_HANDLE, post.id()), "the Mobile agent's answer, from Mobile's account");
        assertEquals(List.of("Sorry to hear it! Our crew can't fix it, but Mobile can. ^" + agent.initials()),
                repliesTo(TestWorld.AIR_HANDLE, post.id()), "the Air agent's answer, from Air's account");

        // Polling again stores nothing new for either account (our answers are echoes or the brand's own).
        long before = messageCount();
        assertNull(poller.poll(TestWorld.AIR).error());
        assertNull(poller.poll(TestWorld.MOBILE).error());
        assertEquals(before, messageCount());
    }

    @Test
    void aReplyToAnotherCustomersPostIsTheRepliersOwnConversationShownAsRelated() {
        TestWorld.Login agent = world.agent();
        String ana = world.sandboxCustomer(sandbox, "Ana First");
        String ben = world.sandboxCustomer(sandbox, "Ben Second");
        SandboxTweetView anas = sandbox.postMention(ana, TestWorld.AIR_HANDLE, "my bag never arrived", null);
        sandbox.postTweet(ben, "@" + ana + " @" + TestWorld.AIR_HANDLE + " same, flight 212, nobody answers", anas.id());

        assertNull(poller.poll(TestWorld.AIR).error());

        long anasConversation = conversationOf(ana, TestWorld.AIR);
        long bensConversation = conversationOf(ben, TestWorld.AIR);
        assertNotEquals(anasConversation, bensConversation);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + bensConversation)
                .then().statusCode(200)
                .body(containsString("Related: <a href=\"/conversations/" + anasConversation + "\">#" + anasConversation
                        + " (@" + ana + ")</a>"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + anasConversation)
                .then().statusCode(200)
                .body(containsString("#" + bensConversation + " (@" + ben + ")"))
                .body(not(containsString("same, flight 212")));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + bensConversation)
                .then().statusCode(200)
                .body("related.id", equalTo((int) anasConversation))
                .body("related.handle", equalTo(ana));
    }

    private void reply(TestWorld.Login agent, long conversation, String text) {
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .when().post("/api/conversations/" + conversation + "/replies")
                .then().statusCode(201)
                .body("delivery", equalTo("SENT"));
    }

    private List<String> repliesTo(String brandHandle, long statusId) {
        return sandbox.tweetsBy(brandHandle).stream()
                .filter(tweet -> tweet.inReplyToStatusId() != null && tweet.inReplyToStatusId() == statusId)
                .map(tweet -> tweet.text().replaceFirst("^@\\S+ ", ""))
                .toList();
    }

    private long conversationOf(String handle, String account) {
        List<Long> ids = world.conversationsOf(handle, account);
        assertEquals(1, ids.size(), "one conversation of " + handle + " on " + account);
        return ids.get(0);
    }

    private long messageCount() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(m) from Message m", Long.class)
                .getSingleResult());
    }
}
