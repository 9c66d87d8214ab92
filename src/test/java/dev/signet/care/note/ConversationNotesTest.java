package dev.signet.care.note;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Internal notes on conversations through the API: stored and listed, never published, refused on bad input with
 * nothing stored, @initials mentions that notify the right colleague (not the author), unknown initials reported,
 * role checks; and the customer's notes API and timeline.
 */
@QuarkusTest
class ConversationNotesTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void aNoteIsStoredAndListedWithItsAuthorInTheConversationDetail() {
        TestWorld.Login agent = world.agent();
        long id = aConversation("Note Reader");
        as(agent).body("{\"text\":\"  Customer called the hotline too; refund ticket R-88  \"}")
                .when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("note.text", equalTo("Customer called the hotline too; refund ticket R-88"))
                .body("note.authorInitials", equalTo(agent.initials()))
                .body("mentioned", empty()).body("unmatched", empty());

        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + id)
                .then().statusCode(200)
                .body("totalNotes", equalTo(1))
                .body("notes.text", contains("Customer called the hotline too; refund ticket R-88"))
                .body("notes[0].authorInitials", equalTo(agent.initials()))
                // A note is not a message of the thread.
                .body("totalMessages", equalTo(1));
    }

    @Test
    void aNoteIsNeverPublished() {
        TestWorld.Login agent = world.agent();
        long id = aConversation("Never Published");
        String marker = "internal-only-" + System.nanoTime();
        as(agent).body("{\"text\":\"" + marker + " do not tell the customer\"}")
                .when().post("/api/conversations/" + id + "/notes").then().statusCode(201);

        assertEquals(0L, count("select count(*) from message where conversation_id = " + id + " and direction = 'OUT'"));
        assertEquals(0L, count("select count(*) from outbox_entry o join message m on m.id = o.message_id"
                + " where m.conversation_id = " + id));
        assertEquals(0L, count("select count(*) from message where text like '%" + marker + "%'"));
        assertEquals(0L, count("select count(*) from sandbox_tweet where text like '%" + marker + "%'"));
        assertEquals(0L, count("select count(*) from sandbox_direct_message where text like '%" + marker + "%'"));
        assertEquals(1L, count("select count(*) from conversation_note where text like '%" + marker + "%'"));
    }

    @Test
    void badNotesAreRefusedAndNothingIsStored() {
        TestWorld.Login agent = world.agent();
        long id = aConversation("Bad Notes");
        as(agent).body("{\"text\":\"   \"}").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/empty-note"));
        as(agent).body("{}").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(400).body("type", equalTo("/problems/empty-note"));
        as(agent).body("{\"text\":\"" + "x".repeat(2001) + "\"}").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/note-too-long"))
                .body("detail", containsString("2001 characters; at most 2000"));
        as(agent).body("{\"text\": ").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(400).contentType("application/problem+json");
        as(agent).body("{\"text\":\"hello\"}").when().post("/api/conversations/987654321/notes")
                .then().statusCode(404).body("type", equalTo("/problems/conversation-not-found"));
        assertEquals(0L, count("select count(*) from conversation_note where conversation_id = " + id));

        // Exactly the limit is fine.
        as(agent).body("{\"text\":\"" + "y".repeat(2000) + "\"}").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(201);
    }

    @Test
    void aMentionNotifiesTheMentionedColleagueAndNotTheAuthor() {
        TestWorld.Login author = world.agent();
        TestWorld.Login mentioned = world.agent();
        TestWorld.Login bystander = world.agent();
        long id = aConversation("Mention Case");
        // Lower case works too; the author mentioning themselves is not told.
        as(author).body("{\"text\":\"@" + mentioned.initials().toLowerCase() + " can you check the refund? cc @"
                + author.initials() + "\"}")
                .when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(201)
                .body("mentioned", contains(mentioned.initials()))
                .body("unmatched", empty());

        given().auth().preemptive().basic(mentioned.username(), mentioned.password()).when().get("/api/notifications")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].kind", equalTo("MENTION"))
                .body("[0].conversationId", equalTo((int) id))
                .body("[0].text", equalTo("^" + author.initials() + " mentioned you on conversation #" + id + ": @"
                        + mentioned.initials().toLowerCase() + " can you check the refund? cc @" + author.initials()));
        given().auth().preemptive().basic(author.username(), author.password()).when().get("/api/notifications")
                .then().statusCode(200).body("", empty());
        given().auth().preemptive().basic(bystander.username(), bystander.password()).when().get("/api/notifications/unread")
                .then().statusCode(200).body("unread", equalTo(0));
    }

    @Test
    void unknownInitialsAreReportedAndHandlesAreNotMentions() {
        TestWorld.Login author = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        long id = aConversation("Unknown Mentions");
        as(author).body("{\"text\":\"@ZQZ and @" + lead.initials() + " see @SignetTestAir and @zoe_adams, mail a@bc.de\"}")
                .when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(201)
                .body("mentioned", contains(lead.initials()))
                .body("unmatched", contains("ZQZ"))
                .body("unmatched", not(hasItem("BC")));
        given().auth().preemptive().basic(lead.username(), lead.password()).when().get("/api/notifications/unread")
                .then().statusCode(200).body("unread", equalTo(1));
    }

    @Test
    void brandManagersMayNotWriteNotesAdminsMay() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        TestWorld.Login admin = world.user(Role.ADMIN);
        long id = aConversation("Role Notes");
        as(manager).body("{\"text\":\"hi\"}").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"text\":\"hi\"}").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(401);
        assertEquals(0L, count("select count(*) from conversation_note where conversation_id = " + id));
        as(admin).body("{\"text\":\"checked the account\"}").when().post("/api/conversations/" + id + "/notes")
                .then().statusCode(201).body("note.authorInitials", equalTo(null));
    }

    @Test
    void customerNotesTakeMentionsAndBothKindsOfNoteShowOnTheTimeline() {
        TestWorld.Login author = world.agent();
        TestWorld.Login colleague = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Timeline Notes"), "@SignetTestAir my bag?", null);
        intake.receive(mention);
        long conversationId = world.conversationOf(mention);
        long customerId = linkToANewCustomer(conversationId);

        as(author).body("{\"text\":\"Conversation note for @" + colleague.initials() + "\"}")
                .when().post("/api/conversations/" + conversationId + "/notes").then().statusCode(201);
        as(author).body("{\"text\":\"Customer note, ask @" + colleague.initials() + " or @QQQQ\"}")
                .when().post("/api/customers/" + customerId + "/notes")
                .then().statusCode(201)
                .body("mentioned", contains(colleague.initials()))
                .body("unmatched", contains("QQQQ"));
        as(author).body("{\"text\":\" \"}").when().post("/api/customers/" + customerId + "/notes")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().preemptive().basic(colleague.username(), colleague.password()).when().get("/api/notifications")
                .then().statusCode(200).body("", hasSize(2))
                .body("customerId", hasItem((int) customerId))
                .body("conversationId", hasItem((int) conversationId))
                .body("text", hasItem(containsString("mentioned you on customer Timeline Notes Customer:")));

        given().auth().preemptive().basic(author.username(), author.password())
                .when().get("/api/customers/" + customerId + "/timeline")
                .then().statusCode(200)
                .body("entries.findAll { it.type == 'CONVERSATION_NOTE' }.text",
                        contains("Conversation note for @" + colleague.initials()))
                .body("entries.findAll { it.type == 'CONVERSATION_NOTE' }[0].conversationId", equalTo((int) conversationId))
                .body("entries.findAll { it.type == 'CONVERSATION_NOTE' }[0].initials", equalTo(author.initials()))
                .body("entries.findAll { it.type == 'NOTE' }.text",
                        contains("Customer note, ask @" + colleague.initials() + " or @QQQQ"));
    }

    private RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).contentType(ContentType.JSON);
    }

    private long aConversation(String name) {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir hello?", null);
        intake.receive(mention);
        return world.conversationOf(mention);
    }

    /** Links the conversation's author to a fresh customer, as the CRM or an agent would. */
    private long linkToANewCustomer(long conversationId) {
        TestWorld.Login lead = world.user(Role.LEAD);
        String crmId = "NOTES-" + System.nanoTime();
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{\"name\":\"Timeline Notes Customer\"}")
                .when().put("/api/customers/crm/" + crmId).then().statusCode(lessThan(300));
        long customerId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from customer where crm_id = :crm").setParameter("crm", crmId).getSingleResult()).longValue());
        long identityId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select identity_id from conversation where id = :id").setParameter("id", conversationId)
                .getSingleResult()).longValue());
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{\"customerId\":" + customerId + ",\"reason\":\"same person\"}")
                .when().post("/api/identities/" + identityId + "/link").then().statusCode(204);
        return customerId;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
