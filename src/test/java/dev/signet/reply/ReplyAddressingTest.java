package dev.signet.reply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Right person: in a thread where someone else chimed in after the customer, a reply answers the conversation's
 * customer by default; an explicit choice of post is honoured (API and page), and a post that is not a customer
 * post of the conversation is refused with a 422 problem.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class ReplyAddressingTest {

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    /**
     * A conversation opened by the customer, then a post by someone else in the same thread (the latest). Threading
     * now gives the other customer's reply a conversation of its own (related to this one), so a conversation with
     * several authors only comes from data threaded before that rule: the test moves the reply in, as such data is.
     */
    private Thread twoAuthors(String name) {
        String customer = world.sandboxCustomer(sandbox, name);
        String bystander = world.sandboxCustomer(sandbox, "Other " + name);
        SandboxTweetView first = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "my flight is cancelled", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        SandboxTweetView other = sandbox.postMention(bystander, TestWorld.AIR_HANDLE, "mine too, what now?", first.id());
        assertNull(poller.poll(TestWorld.AIR).error());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update message set conversation_id = (select conversation_id from message where external_id = :first)
                where external_id = :other""")
                .setParameter("first", Long.toString(first.id())).setParameter("other", Long.toString(other.id()))
                .executeUpdate());
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id, m.id, m.externalId from Message m where m.externalId in (:ids) order by m.sentAt, m.id",
                Object[].class).setParameter("ids", List.of(Long.toString(first.id()), Long.toString(other.id())))
                .getResultList());
        assertEquals(2, rows.size());
        assertEquals(rows.get(0)[0], rows.get(1)[0], "both posts are in one conversation");
        return new Thread((Long) rows.get(0)[0], (Long) rows.get(0)[1], (String) rows.get(0)[2], (Long) rows.get(1)[1],
                (String) rows.get(1)[2], customer, bystander);
    }

    private record Thread(long conversation, long customerPost, String customerPostX, long otherPost,
            String otherPostX, String customer, String bystander) {
    }

    @Test
    void byDefaultAReplyAnswersTheConversationsCustomerNotTheLatestPoster() {
        Thread t = twoAuthors("Default Dana");
        TestWorld.Login agent = world.agent();
        long replyId = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", "So sorry, we are rebooking you"))
                .when().post("/api/conversations/" + t.conversation() + "/replies")
                .then().statusCode(201).extract().<Number>path("messageId").longValue();
        assertEquals(t.customerPostX(), inReplyTo(replyId));
    }

    @Test
    void anExplicitChoiceIsHonouredByMessageIdOrXId() {
        Thread t = twoAuthors("Chosen Chris");
        TestWorld.Login agent = world.agent();
        long byId = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON)
                .body(Map.of("text", "You too: we are on it", "inReplyTo", Long.toString(t.otherPost())))
                .when().post("/api/conversations/" + t.conversation() + "/replies")
                .then().statusCode(201).extract().<Number>path("messageId").longValue();
        assertEquals(t.otherPostX(), inReplyTo(byId));
        long byX = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON)
                .body(Map.of("text", "And you, first of all", "inReplyTo", t.customerPostX()))
                .when().post("/api/conversations/" + t.conversation() + "/replies")
                .then().statusCode(201).extract().<Number>path("messageId").longValue();
        assertEquals(t.customerPostX(), inReplyTo(byX));
    }

    @Test
    void aPostThatIsNotACustomerPostOfThisConversationIsRefused() {
        Thread t = twoAuthors("Wrong Wanda");
        Thread elsewhere = twoAuthors("Else Eve");
        TestWorld.Login agent = world.agent();
        long mine = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", "First answer"))
                .when().post("/api/conversations/" + t.conversation() + "/replies")
                .then().statusCode(201).extract().<Number>path("messageId").longValue();
        for (String bad : List.of(Long.toString(elsewhere.customerPost()), elsewhere.customerPostX(),
                Long.toString(mine), "not-a-post", "99999999999999999999999")) {
            given().auth().preemptive().basic(agent.username(), agent.password())
                    .contentType(ContentType.JSON).body(Map.of("text", "Which one?", "inReplyTo", bad))
                    .when().post("/api/conversations/" + t.conversation() + "/replies")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("/problems/reply-target-invalid"));
        }
    }

    @Test
    void theComposeBoxNamesWhoAndWhichPostAndReplyToThisChangesIt() {
        Thread t = twoAuthors("Page Pat");
        TestWorld.Login agent = world.agent();
        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + t.conversation());
        page.then().statusCode(200)
                .body(containsString("Public reply to @" + t.customer()))
                .body(containsString("name=\"inReplyTo\" value=\"" + t.customerPost() + "\""))
                .body(containsString("href=\"/conversations/" + t.conversation() + "?answer=" + t.otherPost() + "#compose\""));
        Response chosen = given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("answer", t.otherPost())
                .when().get("/conversations/" + t.conversation());
        chosen.then().statusCode(200)
                .body(containsString("Public reply to @" + t.bystander()))
                .body(containsString("not the conversation's customer"))
                .body(containsString("name=\"inReplyTo\" value=\"" + t.otherPost() + "\""))
                .body(not(containsString("name=\"inReplyTo\" value=\"" + t.customerPost() + "\"")));
        given().auth().preemptive().basic(agent.username(), agent.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, chosen.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(chosen))
                .formParam("text", "Hello to you too")
                .formParam("inReplyTo", Long.toString(t.otherPost()))
                .when().post("/conversations/" + t.conversation() + "/reply")
                .then().statusCode(303);
        assertEquals(t.otherPostX(), QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.inReplyToExternalId from Message m where m.conversation.id = :c and m.text like 'Hello to you too%'",
                String.class).setParameter("c", t.conversation()).getSingleResult()));
    }

    private String inReplyTo(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.inReplyToExternalId from Message m where m.id = :id", String.class)
                .setParameter("id", messageId).getSingleResult());
    }
}
