package dev.signet.reply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.AppUserService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A client that repeats a reply request with the same {@code Idempotency-Key} (after a timeout, a lost answer, the
 * application's restart) gets the reply stored the first time, never a second reply on X, even when the
 * conversation has changed hands since; a key used for another reply, or a malformed key, is refused with a problem.
 */
@QuarkusTest
class ReplyIdempotencyTest {

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    AppUserService users;
    @Inject
    EntityManager em;

    @BeforeEach
    void brands() {
        world.sandboxBrands(sandbox);
    }

    @Test
    void aRepeatWithTheSameKeyGetsTheStoredReplyNotASecondOne() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Repeat Rhea");
        long conversation = publicConversation(customer);
        String key = UUID.randomUUID().toString();

        long first = reply(agent, conversation, key, "Rebooked you on the 18:05")
                .statusCode(201).header(ReplyResource.REPLAYED, nullValue())
                .extract().<Number>path("messageId").longValue();
        reply(agent, conversation, key, "Rebooked you on the 18:05")
                .statusCode(201).header(ReplyResource.REPLAYED, equalTo("true"))
                .body("messageId", equalTo((int) first))
                .body("delivery", equalTo("SENT"));

        assertEquals(List.of(first), replies(conversation), "one reply stored");
        assertEquals(1, onX("Rebooked you on the 18:05"), "one reply on X");
    }

    @Test
    void aRepeatAfterTheConversationChangedHandsStillGetsItsReply() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Handed Hugo");
        long conversation = publicConversation(customer);
        String key = UUID.randomUUID().toString();
        long first = reply(agent, conversation, key, "Your refund is on its way")
                .statusCode(201).extract().<Number>path("messageId").longValue();
        // The first answer was lost; meanwhile the colleague took the conversation over.
        long colleagueId = users.findByUsername(colleague.username()).orElseThrow().id();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update conversation set held_by_user_id = :user, held_until = :until where id = :id")
                .setParameter("user", colleagueId).setParameter("until", java.time.OffsetDateTime.now().plusMinutes(10))
                .setParameter("id", conversation).executeUpdate());

        reply(agent, conversation, key, "Your refund is on its way")
                .statusCode(201).header(ReplyResource.REPLAYED, equalTo("true"))
                .body("messageId", equalTo((int) first));
        // A new reply (another key) is refused as before: the colleague holds the conversation.
        reply(agent, conversation, UUID.randomUUID().toString(), "Anything else?")
                .statusCode(409).body("type", equalTo("/problems/conversation-held"));
        assertEquals(List.of(first), replies(conversation));
    }

    @Test
    void theKeyOfAnotherReplyIsRefused() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        long conversation = publicConversation(world.sandboxCustomer(sandbox, "Keyed Kira"));
        long other = publicConversation(world.sandboxCustomer(sandbox, "Other Otto"));
        String key = UUID.randomUUID().toString();
        long first = reply(agent, conversation, key, "We are on it").statusCode(201)
                .extract().<Number>path("messageId").longValue();

        reply(agent, conversation, key, "Something else").statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("/problems/idempotency-key-reused"));
        reply(agent, other, key, "We are on it").statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        reply(colleague, other, key, "We are on it").statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        assertEquals(List.of(first), replies(conversation));
        assertEquals(List.of(), replies(other));
    }

    @Test
    void aMalformedKeyIsRefusedAndNothingIsStored() {
        TestWorld.Login agent = world.agent();
        long conversation = publicConversation(world.sandboxCustomer(sandbox, "Bad Key Bea"));
        for (String bad : List.of("x".repeat(101), "two words", "clé-ünïcode")) {
            reply(agent, conversation, bad, "Hello").statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("/problems/idempotency-key-invalid"));
        }
        assertEquals(List.of(), replies(conversation));
    }

    @Test
    void withoutAKeyEachRequestIsANewReply() {
        TestWorld.Login agent = world.agent();
        long conversation = publicConversation(world.sandboxCustomer(sandbox, "Twice Tom"));
        reply(agent, conversation, null, "Checking now").statusCode(201).header(ReplyResource.REPLAYED, nullValue());
        reply(agent, conversation, null, "Checking now").statusCode(201).header(ReplyResource.REPLAYED, nullValue());
        assertEquals(2, replies(conversation).size());
    }

    private ValidatableResponse reply(TestWorld.Login agent, long conversation, String key, String text) {
        var request = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", text));
        if (key != null) {
            request.header(ReplyResource.IDEMPOTENCY_KEY, key);
        }
        return request.when().post("/api/conversations/" + conversation + "/replies").then();
    }

    private long publicConversation(String customer) {
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "my flight is cancelled", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.handle = :customer order by c.id desc", Long.class)
                .setParameter("customer", customer).setMaxResults(1).getSingleResult());
    }

    private List<Long> replies(long conversation) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select m.id from Message m where m.conversation.id = :id and m.direction = dev.signet.care.Direction.OUT
                order by m.id""", Long.class).setParameter("id", conversation).getResultList());
    }

    private long onX(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from sandbox_tweet where text like :t").setParameter("t", "%" + text + "%")
                .getSingleResult()).longValue());
    }
}
