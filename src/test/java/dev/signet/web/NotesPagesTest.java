package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.notification.NotificationKind;
import dev.signet.notification.NotificationService;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The pages of internal notes and notifications: the notes block on the conversation page (CSRF, escaping,
 * mentions, refusals with the draft kept), the bell with its count on every page, the notifications page.
 */
@QuarkusTest
class NotesPagesTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    NotificationService notifications;
    @Inject
    EntityManager em;

    @Test
    void aNoteFromTheConversationPageIsSavedEscapedAndItsMentionsReported() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        long id = aConversation("Page Note");
        Response page = page(agent, id);
        page.then().statusCode(200)
                .body(containsString("id=\"notes\""))
                .body(containsString("internal, never sent to the customer"))
                .body(containsString("action=\"/conversations/" + id + "/notes\""));

        post(agent, page, "/conversations/" + id + "/notes", "text",
                "<script>alert('x')</script> @" + colleague.initials() + " and @ZQZ please check")
                .then().statusCode(303)
                .header("Location", endsWith("/conversations/" + id + "?note=saved&mentioned=" + colleague.initials()
                        + "&unmatched=ZQZ#notes"));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + id + "?note=saved&mentioned=" + colleague.initials() + "&unmatched=ZQZ")
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
                .body(not(containsString("<script>alert('x')</script>")))
                .body(containsString("Note saved"))
                .body(containsString("Notified <span class=\"signature\">^" + colleague.initials()))
                .body(containsString("Nobody on the team has the initials @ZQZ"));
        // The notice shows only initials: other text in the link is not put on the page.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + id + "?note=saved&unmatched=Call%20us%20at%20555")
                .then().statusCode(200).body(not(containsString("Call us at")));

        // The colleague's bell counts it.
        given().auth().preemptive().basic(colleague.username(), colleague.password()).when().get("/queue")
                .then().statusCode(200)
                .body(containsString("<span id=\"bell-count\" class=\"bell-count unread\">1</span>"))
                .body(containsString("/js/notifications-live.js"));
    }

    @Test
    void aNoteFormWithoutCsrfTokenIsRejectedAndABadNoteStoresNothing() {
        TestWorld.Login agent = world.agent();
        long id = aConversation("Csrf Note");
        given().auth().preemptive().basic(agent.username(), agent.password()).redirects().follow(false)
                .formParam("text", "no token").when().post("/conversations/" + id + "/notes")
                .then().statusCode(400);

        Response page = page(agent, id);
        // With htmx: the block comes back with the reason and the draft kept.
        given().auth().preemptive().basic(agent.username(), agent.password()).header("HX-Request", "true")
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .formParam("text", "x".repeat(2001))
                .when().post("/conversations/" + id + "/notes")
                .then().statusCode(200)
                .body(containsString("id=\"notes\""))
                .body(containsString("at most 2000"))
                .body(containsString(">" + "x".repeat(2001) + "</textarea>"))
                .body(not(containsString("<html")));
        // Without htmx: a readable refusal.
        post(agent, page, "/conversations/" + id + "/notes", "text", "   ")
                .then().statusCode(400).body(containsString("Write something in the note first."));
        assertEquals(0L, notesOf(id));

        given().auth().preemptive().basic(agent.username(), agent.password()).header("HX-Request", "true")
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .formParam("text", "Refund approved by finance")
                .when().post("/conversations/" + id + "/notes")
                .then().statusCode(200)
                .body(containsString("Note saved"))
                .body(containsString("Refund approved by finance"))
                .body(containsString(">^" + agent.initials() + "</span>"));
        assertEquals(1L, notesOf(id));
    }

    @Test
    void theNotificationsPageListsOpensAndMarksRead() {
        TestWorld.Login me = world.agent();
        TestWorld.Login other = world.agent();
        long id = aConversation("Notified Page");
        long myId = userId(me);
        QuarkusTransaction.requiringNew().run(() -> {
            notifications.notifyUsers(List.of(myId), NotificationKind.ESCALATION, "Conversation escalated <b>now</b>", id);
            notifications.notifyUsers(List.of(myId), NotificationKind.OTHER, "Something else", null);
        });

        Response page = given().auth().preemptive().basic(me.username(), me.password()).when().get("/notifications");
        page.then().statusCode(200)
                .body(containsString("2 unread"))
                .body(containsString("Conversation escalated &lt;b&gt;now&lt;/b&gt;"))
                .body(containsString("<span id=\"bell-count\" class=\"bell-count unread\">2</span>"))
                .body(containsString("action=\"/notifications/read-all\""));
        int escalation = given().auth().preemptive().basic(me.username(), me.password())
                .when().get("/api/notifications").then().extract().path("find { it.kind == 'ESCALATION' }.id");

        // Someone else can't open it.
        Response otherPage = given().auth().preemptive().basic(other.username(), other.password()).when().get("/notifications");
        post(other, otherPage, "/notifications/" + escalation + "/open").then().statusCode(404);

        post(me, page, "/notifications/" + escalation + "/open")
                .then().statusCode(303).header("Location", endsWith("/conversations/" + id));
        given().auth().preemptive().basic(me.username(), me.password()).when().get("/notifications")
                .then().statusCode(200).body(containsString("1 unread"));

        post(me, page, "/notifications/read-all").then().statusCode(303).header("Location", endsWith("/notifications"));
        given().auth().preemptive().basic(me.username(), me.password()).when().get("/queue")
                .then().statusCode(200).body(containsString("<span id=\"bell-count\" class=\"bell-count\">0</span>"));
    }

    @Test
    void aCustomerNoteFromTheCustomerPageNotifiesAndTheTimelineShowsBothKindsOfNote() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        long id = aConversation("Customer Page Note");
        long customerId = linkToANewCustomer(id);
        Response conversation = page(agent, id);
        post(agent, conversation, "/conversations/" + id + "/notes", "text", "On the conversation: <i>late</i> bag")
                .then().statusCode(303);

        Response customerPage = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/customers/" + customerId);
        customerPage.then().statusCode(200).body(containsString("action=\"/customers/" + customerId + "/notes\""));
        post(agent, customerPage, "/customers/" + customerId + "/notes", "text",
                "VIP, handle with care @" + colleague.initials().toLowerCase() + " @ZQZ")
                .then().statusCode(303)
                .header("Location", endsWith("/customers/" + customerId + "?note=saved&mentioned=" + colleague.initials()
                        + "&unmatched=ZQZ#notes"));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/customers/" + customerId + "?note=saved&mentioned=" + colleague.initials() + "&unmatched=ZQZ")
                .then().statusCode(200)
                .body(containsString("Note saved"))
                .body(containsString("Nobody on the team has the initials @ZQZ"))
                .body(containsString("VIP, handle with care"))
                .body(containsString("On the conversation: &lt;i&gt;late&lt;/i&gt; bag"))
                .body(containsString("on <a href=\"/conversations/" + id + "\">conversation " + id + "</a>"));
        given().auth().preemptive().basic(colleague.username(), colleague.password()).when().get("/api/notifications")
                .then().statusCode(200)
                .body("[0].customerId", org.hamcrest.Matchers.equalTo((int) customerId))
                .body("[0].text", containsString("mentioned you on customer Customer Page Note Customer"));
    }

    @Test
    void theLoginPageHasNoBellAndTheScriptIsServed() {
        given().when().get("/login").then().statusCode(200).body(not(containsString("bell-count")));
        given().when().get("/js/notifications-live.js").then().statusCode(200)
                .body(containsString("/api/notifications/events"));
    }

    private Response page(TestWorld.Login login, long id) {
        return given().auth().preemptive().basic(login.username(), login.password()).when().get("/conversations/" + id);
    }

    private Response post(TestWorld.Login login, Response page, String path, String... fields) {
        var request = given().auth().preemptive().basic(login.username(), login.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post(path);
    }

    private long aConversation(String name) {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir page help", null);
        intake.receive(mention);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
    }

    /** Links the conversation's author to a fresh customer, as the CRM or an agent would. */
    private long linkToANewCustomer(long conversationId) {
        TestWorld.Login lead = world.user(dev.signet.security.Role.LEAD);
        String crmId = "NOTES-PAGE-" + System.nanoTime();
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("{\"name\":\"Customer Page Note Customer\"}")
                .when().put("/api/customers/crm/" + crmId).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        long customerId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from customer where crm_id = :crm").setParameter("crm", crmId).getSingleResult()).longValue());
        long identityId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select identity_id from conversation where id = :id").setParameter("id", conversationId)
                .getSingleResult()).longValue());
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("{\"customerId\":" + customerId + ",\"reason\":\"same person\"}")
                .when().post("/api/identities/" + identityId + "/link").then().statusCode(204);
        return customerId;
    }

    private long notesOf(long conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(n) from ConversationNote n where n.conversationId = :id", Long.class)
                .setParameter("id", conversationId).getSingleResult());
    }

    private long userId(TestWorld.Login login) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select u.id from AppUser u where u.username = :name", Long.class)
                .setParameter("name", login.username()).getSingleResult());
    }
}
