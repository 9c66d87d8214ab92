package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Goodwill on the pages: the block in the conversation's care panel (htmx and plain), /goodwill for agents and leads. */
@QuarkusTest
class GoodwillPagesTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void anAgentRecordsGoodwillFromTheCarePanelWithHtmxAndSeesWhatIsLeft() {
        TestWorld.Login agent = world.agent();
        long id = aConversation("Panel Pat");
        Response page = page(agent, "/conversations/" + id);
        page.then().statusCode(200)
                .body(containsString("id=\"goodwill\""))
                .body(containsString("action=\"/goodwill/conversations/" + id + "\""))
                .body(containsString("<strong>€50.00</strong> of your €50.00 allowance left"))
                .body(containsString("href=\"/goodwill\""));

        htmx(agent, page, "/goodwill/conversations/" + id, "amount", "20,50", "reason", "<b>voucher</b> for the wait")
                .then().statusCode(200)
                .body(containsString("€20.50 granted within your allowance."))
                .body(containsString("&lt;b&gt;voucher&lt;/b&gt; for the wait"))
                .body(not(containsString("<b>voucher</b>")))
                .body(containsString("<strong>€29.50</strong> of your €50.00 allowance left"))
                .body(not(containsString("<html")));
        htmx(agent, page, "/goodwill/conversations/" + id, "amount", "30", "reason", "new suitcase")
                .then().statusCode(200)
                .body(containsString("€30.00 is over what is left of your allowance: a lead approves it"))
                .body(containsString("waiting for a lead"));

        // A refusal comes back in the block with what was typed; nothing is stored.
        htmx(agent, page, "/goodwill/conversations/" + id, "amount", "12.345", "reason", "keep <this> reason")
                .then().statusCode(200)
                .body(containsString("class=\"alert error\""))
                .body(containsString("at most 2 decimals"))
                .body(containsString("value=\"keep &lt;this&gt; reason\""))
                .body(containsString("value=\"12.345\""));
        htmx(agent, page, "/goodwill/conversations/" + id, "amount", "5", "reason", "  ")
                .then().statusCode(200).body(containsString("write a reason"));
        assertEquals(2L, gesturesOf(agent));

        // The gestures show on the conversation, with their status, for everyone who opens it.
        page(world.agent(), "/conversations/" + id).then().statusCode(200)
                .body(containsString("€20.50</strong> by <span class=\"signature\">^" + agent.initials()))
                .body(containsString("granted within allowance"))
                .body(containsString("waiting for a lead"));
    }

    @Test
    void withoutHtmxTheFormGoesBackToTheConversationAndARefusalIsAReadablePage() {
        TestWorld.Login agent = world.agent();
        long id = aConversation("Plain Pam");
        Response page = page(agent, "/conversations/" + id);
        post(agent, page, "/goodwill/conversations/" + id, "amount", "10", "reason", "plain form").then().statusCode(303)
                .header("Location", endsWith("/conversations/" + id + "#goodwill"));
        given().auth().preemptive().basic(agent.username(), agent.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .formParam("amount", "-3").formParam("reason", "negative").accept("text/html")
                .when().post("/goodwill/conversations/" + id)
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Amount not understood"));
        // No CSRF token: refused, nothing stored.
        given().auth().preemptive().basic(agent.username(), agent.password()).redirects().follow(false)
                .formParam("amount", "10").formParam("reason", "forged")
                .when().post("/goodwill/conversations/" + id)
                .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        assertEquals(1L, gesturesOf(agent));
    }

    @Test
    void aLeadApprovesOnTheGoodwillPageAndTheAgentSeesItApproved() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        long id = aConversation("Ledger Lou");
        Response conversation = page(agent, "/conversations/" + id);
        htmx(agent, conversation, "/goodwill/conversations/" + id, "amount", "15", "reason", "granted one").then()
                .statusCode(200);
        htmx(agent, conversation, "/goodwill/conversations/" + id, "amount", "60", "reason", "big <one>").then()
                .statusCode(200);
        long pending = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select g.id from GoodwillGesture g where g.agent.username = :u and g.reason = 'big <one>'", Long.class)
                .setParameter("u", agent.username()).getSingleResult());

        Response agentPage = page(agent, "/goodwill");
        agentPage.then().statusCode(200)
                .body(containsString("My allowance"))
                .body(containsString("id=\"my-remaining\">€35.00"))
                .body(containsString("big &lt;one&gt;"))
                .body(containsString("waiting for a lead"))
                .body(containsString("id=\"team-totals\""))
                .body(not(containsString("Waiting for approval")))
                .body(not(containsString(colleague.username())));
        post(agent, agentPage, "/goodwill/" + pending + "/approve").then().statusCode(403);

        // The lead sees it on the conversation too, with Approve / Decline.
        page(lead, "/conversations/" + id).then().statusCode(200)
                .body(containsString("action=\"/goodwill/" + pending + "/approve\""));
        Response leadPage = page(lead, "/goodwill");
        leadPage.then().statusCode(200)
                .body(containsString("Waiting for approval"))
                .body(containsString("id=\"pending-" + pending + "\""))
                .body(containsString("id=\"agent-" + agent.username() + "\""))
                .body(containsString("id=\"agent-" + colleague.username() + "\""))
                .body(containsString("Team ledger"));
        post(lead, leadPage, "/goodwill/" + pending + "/approve").then().statusCode(303)
                .header("Location", endsWith("/goodwill?done=approved"));
        page(lead, "/goodwill?done=approved").then().statusCode(200)
                .body(containsString("Approved: the agent sees it"))
                .body(not(containsString("id=\"pending-" + pending + "\"")));
        // A second click (another tab) is refused with the reason, not applied twice.
        post(lead, leadPage, "/goodwill/" + pending + "/decline", "note", "too late").then().statusCode(409)
                .body(containsString("was approved by ^" + lead.initials() + " already"));

        page(agent, "/goodwill").then().statusCode(200)
                .body(containsString("approved by ^" + lead.initials()))
                .body(containsString("id=\"my-remaining\">€35.00"));
    }

    @Test
    void anAdminSeesTheTeamLedgerAndTheNavLinksToGoodwill() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        page(admin, "/goodwill").then().statusCode(200)
                .body(containsString("Team ledger"))
                .body(containsString("Waiting for approval"))
                .body(not(containsString("My allowance")));
        page(admin, "/goodwill?period=not-a-date").then().statusCode(400).body(containsString("Bad period"));
        page(world.user(Role.BRAND_MANAGER), "/goodwill").then().statusCode(403);
    }

    private Response page(TestWorld.Login login, String path) {
        return given().auth().preemptive().basic(login.username(), login.password()).accept("text/html").when().get(path);
    }

    private Response post(TestWorld.Login login, Response page, String path, String... fields) {
        var request = given().auth().preemptive().basic(login.username(), login.password()).redirects().follow(false)
                .accept("text/html")
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post(path);
    }

    private Response htmx(TestWorld.Login login, Response page, String path, String... fields) {
        var request = given().auth().preemptive().basic(login.username(), login.password()).redirects().follow(false)
                .header("HX-Request", "true")
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post(path);
    }

    private long aConversation(String name) {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir goodwill page", null);
        intake.receive(mention);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
    }

    private long gesturesOf(TestWorld.Login user) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(g) from GoodwillGesture g where g.agent.username = :u", Long.class)
                .setParameter("u", user.username()).getSingleResult());
    }
}
