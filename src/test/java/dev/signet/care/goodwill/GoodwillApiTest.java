package dev.signet.care.goodwill;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The goodwill API against the real database with the default allowance (€50.00 a month): the boundary, the
 * approval flow, role checks, bad input (nothing stored), two gestures at the same moment, the ledgers and the
 * customer timeline.
 */
@QuarkusTest
class GoodwillApiTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    CrmImportService crm;
    @Inject
    EntityManager em;

    @Test
    void withinTheAllowanceIsGrantedExactlyReachingItTooACentOverWaitsForALead() {
        TestWorld.Login agent = world.agent();
        long conversation = aConversation("Boundary Bo");

        record(agent, conversation, "30.00", "meal voucher").then().statusCode(201)
                .body("status", equalTo("GRANTED")).body("amountText", equalTo("€30.00"))
                .body("agentInitials", equalTo(agent.initials())).body("decidedBy", equalTo("^" + agent.initials()))
                .body("statusLabel", equalTo("granted within allowance"));
        allowance(agent).then().body("allowance.remainingText", equalTo("€20.00"));
        // 30 + 20 = 50: reaching the allowance exactly is still within it.
        record(agent, conversation, "20", "taxi home").then().statusCode(201).body("status", equalTo("GRANTED"))
                .body("amount", equalTo(20.00f));
        record(agent, conversation, "0.01", "one cent more").then().statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL")).body("decidedBy", nullValue())
                .body("statusLabel", equalTo("waiting for a lead"));

        allowance(agent).then().statusCode(200)
                .body("allowance.currency", equalTo("EUR"))
                .body("allowance.usedText", equalTo("€50.00"))
                .body("allowance.remainingText", equalTo("€0.00"))
                .body("gestures", hasSize(3))
                .body("gestures[0].status", equalTo("PENDING_APPROVAL"))
                .body("next", nullValue());
    }

    @Test
    void aLeadApprovesInOneStepOnceAndTheApprovedGestureDoesNotUseTheAllowance() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        long conversation = aConversation("Approval Ann");
        record(agent, conversation, "10.00", "late reply").then().statusCode(201);
        long id = record(agent, conversation, "45.00", "rebooking fee").then().statusCode(202)
                .extract().jsonPath().getLong("id");

        // Agents neither approve nor see the approvals or the per-agent ledger.
        as(agent).contentType("application/json").body("{}").when().post("/api/goodwill/" + id + "/approve")
                .then().statusCode(403).contentType("application/problem+json");
        as(agent).when().get("/api/goodwill/pending").then().statusCode(403);
        as(agent).when().get("/api/goodwill/team").then().statusCode(403);

        as(lead).when().get("/api/goodwill/pending").then().statusCode(200)
                .body("id", hasItem((int) id));
        as(lead).contentType("application/json").body("{}").when().post("/api/goodwill/" + id + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("^" + lead.initials()))
                .body("statusLabel", equalTo("approved by ^" + lead.initials()))
                .body("decidedAt", not(nullValue()));
        // Decided once: a second click, or a decline after it, changes nothing.
        as(lead).contentType("application/json").body("{}").when().post("/api/goodwill/" + id + "/approve")
                .then().statusCode(409).body("type", equalTo("/problems/goodwill-already-decided"));
        as(lead).contentType("application/json").body("{\"note\":\"no\"}").when().post("/api/goodwill/" + id + "/decline")
                .then().statusCode(409);
        as(lead).when().get("/api/goodwill/pending").then().body("id", not(hasItem((int) id)));

        // The agent sees it approved; only the €10 granted within the allowance used it.
        allowance(agent).then()
                .body("gestures.find { it.id == " + id + " }.status", equalTo("APPROVED"))
                .body("allowance.usedText", equalTo("€10.00"))
                .body("allowance.remainingText", equalTo("€40.00"));

        as(lead).when().get("/api/goodwill/team").then().statusCode(200)
                .body("agents.find { it.username == '" + agent.username() + "' }.grantedText", equalTo("€10.00"))
                .body("agents.find { it.username == '" + agent.username() + "' }.approvedText", equalTo("€45.00"))
                .body("agents.find { it.username == '" + agent.username() + "' }.remainingText", equalTo("€40.00"))
                .body("agents.find { it.username == '" + lead.username() + "' }.grantedText", equalTo("€0.00"));
    }

    @Test
    void aDeclineMayCarryANoteAndNobodyDecidesTheirOwnGesture() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login otherLead = world.user(Role.LEAD);
        TestWorld.Login admin = world.user(Role.ADMIN);
        long conversation = aConversation("Decline Dee");
        long own = record(lead, conversation, "60.00", "lead's own big gesture").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        as(lead).contentType("application/json").body("{}").when().post("/api/goodwill/" + own + "/approve")
                .then().statusCode(403).body("type", equalTo("/problems/goodwill-own-gesture"));
        as(otherLead).contentType("application/json").body("{\"note\":\"  <b>claims</b> handles this  \"}")
                .when().post("/api/goodwill/" + own + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("decisionNote", equalTo("<b>claims</b> handles this"))
                .body("decidedBy", equalTo("^" + otherLead.initials()));

        long another = record(lead, conversation, "70.00", "second try").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        // An admin approves too (signed with their name: admins have no initials), and a decline needs no body.
        as(admin).contentType("application/json").when().post("/api/goodwill/" + another + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("Test admin " + adminNumber(admin)));
        as(admin).contentType("application/json").body("{}").when().post("/api/goodwill/999999999/approve")
                .then().statusCode(404).body("type", equalTo("/problems/goodwill-not-found"));
    }

    @Test
    void onlyAgentsAndLeadsRecordAndAgentsSeeNoColleaguesGestures() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        long conversation = aConversation("Roles Rae");
        long id = record(colleague, conversation, "5.00", "colleague's gesture").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        for (String role : List.of(Role.ADMIN, Role.BRAND_MANAGER)) {
            TestWorld.Login user = world.user(role);
            record(user, conversation, "5.00", "not mine to give").then().statusCode(403);
        }
        as(world.user(Role.BRAND_MANAGER)).when().get("/api/goodwill/mine").then().statusCode(403);
        given().contentType("application/json").body("{}").when().post("/api/goodwill").then().statusCode(401);

        as(agent).when().get("/api/goodwill/" + id).then().statusCode(404);
        as(colleague).when().get("/api/goodwill/" + id).then().statusCode(200).body("reason", equalTo("colleague's gesture"));
        // Everyone working the conversation sees its gestures; the team totals name nobody.
        as(agent).when().get("/api/goodwill/conversations/" + conversation).then().statusCode(200)
                .body("gestures.reason", hasItem("colleague's gesture"))
                .body("mine.remainingText", equalTo("€50.00"));
        String mine = as(agent).when().get("/api/goodwill/mine").then().statusCode(200)
                .body("team.gestures", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .extract().asString();
        assertTrue(!mine.contains(colleague.username()), "no colleague's name in an agent's ledger");
        as(agent).when().get("/api/goodwill/conversations/999999999").then().statusCode(404);
    }

    @Test
    void badInputIsAProblemAndNothingIsStored() {
        TestWorld.Login agent = world.agent();
        long conversation = aConversation("Bad Input Ben");
        String[][] cases = {
                { "{\"conversationId\":" + conversation + ",\"reason\":\"x\"}", "goodwill-amount-required" },
                { "{\"conversationId\":" + conversation + ",\"amount\":0,\"reason\":\"x\"}", "goodwill-amount-not-positive" },
                { "{\"conversationId\":" + conversation + ",\"amount\":-5,\"reason\":\"x\"}", "goodwill-amount-not-positive" },
                { "{\"conversationId\":" + conversation + ",\"amount\":20.001,\"reason\":\"x\"}", "goodwill-amount-decimals" },
                { "{\"conversationId\":" + conversation + ",\"amount\":1000.01,\"reason\":\"x\"}", "goodwill-amount-too-large" },
                { "{\"conversationId\":" + conversation + ",\"amount\":20,\"reason\":\"   \"}", "goodwill-reason-required" },
                { "{\"conversationId\":" + conversation + ",\"amount\":20}", "goodwill-reason-required" },
                { "{\"conversationId\":" + conversation + ",\"amount\":20,\"reason\":\"" + "x".repeat(501) + "\"}",
                        "goodwill-reason-too-long" },
                { "{\"amount\":20,\"reason\":\"x\"}", "goodwill-conversation-required" },
                { "{\"conversationId\":999999999,\"amount\":20,\"reason\":\"x\"}", "conversation-not-found" },
                { "{\"conversationId\":" + conversation + ",\"amount\":\"twenty\",\"reason\":\"x\"}", "malformed-json" },
                { "{\"conversationId\":", "bad-request" }, // truncated JSON: the platform's 400, as a problem
        };
        for (String[] c : cases) {
            Response answer = as(agent).contentType("application/json").body(c[0]).when().post("/api/goodwill");
            String what = c[0] + " → " + answer.statusCode() + " " + answer.asString();
            assertEquals(c[1].equals("conversation-not-found") ? 404 : 400, answer.statusCode(), what);
            assertTrue(answer.contentType().startsWith("application/problem+json"), what);
            assertEquals("/problems/" + c[1], answer.jsonPath().getString("type"), what);
        }
        assertEquals(0L, gesturesOf(agent));
        as(agent).when().get("/api/goodwill/mine?period=yesterday").then().statusCode(400)
                .body("type", equalTo("/problems/goodwill-bad-period"));
    }

    @Test
    void aConversationSomeoneElseHoldsIsRefused() {
        TestWorld.Login holder = world.agent();
        TestWorld.Login other = world.agent();
        long conversation = aConversation("Held Hal");
        as(holder).contentType("application/json").body("{}").when().post("/api/conversations/" + conversation + "/claim")
                .then().statusCode(200);
        record(other, conversation, "5.00", "not my conversation").then().statusCode(409)
                .body("type", equalTo("/problems/conversation-held"));
        record(holder, conversation, "5.00", "my conversation").then().statusCode(201);
        assertEquals(0L, gesturesOf(other));
    }

    @Test
    void twoGesturesAtTheSameMomentCannotBothSlipUnderTheAllowance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                TestWorld.Login agent = world.agent();
                long conversation = aConversation("Race Rita " + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String reason = "race " + i;
                    Callable<Integer> call = () -> {
                        start.await();
                        return record(agent, conversation, "30.00", reason).statusCode();
                    };
                    answers.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    codes.add(answer.get(60, TimeUnit.SECONDS));
                }
                codes.sort(Integer::compare);
                assertEquals(List.of(201, 202), codes, "one granted, one waiting (round " + round + ")");
                allowance(agent).then().body("allowance.usedText", equalTo("€30.00"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPastPeriodHoldsNoneOfThisPeriodsGestures() {
        TestWorld.Login agent = world.agent();
        long conversation = aConversation("Period Pia");
        record(agent, conversation, "50.00", "this month").then().statusCode(201);
        String previous = allowance(agent).then().extract().jsonPath().getString("previous");
        as(agent).queryParam("period", previous).when().get("/api/goodwill/mine").then().statusCode(200)
                .body("gestures", hasSize(0)).body("allowance.remainingText", equalTo("€50.00"))
                .body("next", not(nullValue()));
    }

    @Test
    void theGestureShowsOnTheCustomersTimeline() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        Author author = world.customer("Timeline Tess");
        String crmId = "GW-" + System.nanoTime();
        assertTrue(crm.upsert(List.of(new CrmRecord(crmId, "Timeline Tess", null, "gold", null, null, author.userId(),
                author.handle(), null)), "test").applied());
        InboundMessage mention = world.mention(TestWorld.AIR, author, "@SignetTestAir my bag is lost", null);
        intake.receive(mention);
        long conversation = world.conversationOfExternalId(mention.externalId());
        long customer = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Customer c where c.crmId = :c", Long.class).setParameter("c", crmId).getSingleResult());

        record(agent, conversation, "20.00", "bag <delay>").then().statusCode(201);
        long pending = record(agent, conversation, "40.00", "new suitcase").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        as(lead).contentType("application/json").body("{}").when().post("/api/goodwill/" + pending + "/approve")
                .then().statusCode(200);

        as(agent).when().get("/api/customers/" + customer + "/timeline").then().statusCode(200)
                .body("entries.findAll { it.type == 'GOODWILL' }", hasSize(2))
                .body("entries.findAll { it.type == 'GOODWILL' }.text",
                        hasItem("€20.00 goodwill — bag <delay> (granted within allowance)"))
                .body("entries.findAll { it.type == 'GOODWILL' }.text",
                        hasItem("€40.00 goodwill — new suitcase (approved by ^" + lead.initials() + ")"))
                .body("entries.find { it.type == 'GOODWILL' }.initials", equalTo(agent.initials()))
                .body("entries.find { it.type == 'GOODWILL' }.conversationId", equalTo((int) conversation));
        as(agent).when().get("/customers/" + customer).then().statusCode(200)
                .body(containsString("€20.00 goodwill — bag &lt;delay&gt; (granted within allowance)"))
                .body(not(containsString("bag <delay>")));
    }

    private Response record(TestWorld.Login user, long conversation, String amount, String reason) {
        return as(user).contentType("application/json")
                .body("{\"conversationId\":" + conversation + ",\"amount\":" + new BigDecimal(amount).toPlainString()
                        + ",\"reason\":\"" + reason + "\"}")
                .when().post("/api/goodwill");
    }

    private Response allowance(TestWorld.Login user) {
        return as(user).when().get("/api/goodwill/mine");
    }

    private static RequestSpecification as(TestWorld.Login user) {
        return given().auth().preemptive().basic(user.username(), user.password());
    }

    private static String adminNumber(TestWorld.Login admin) {
        // TestWorld names users "Test <role> <n>" after "<role>-<n>-<nanos>".
        return admin.username().split("-")[1];
    }

    private long aConversation(String name) {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir goodwill please", null);
        intake.receive(mention);
        return world.conversationOfExternalId(mention.externalId());
    }

    private long gesturesOf(TestWorld.Login user) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(g) from GoodwillGesture g where g.agent.username = :u", Long.class)
                .setParameter("u", user.username()).getSingleResult());
    }
}
