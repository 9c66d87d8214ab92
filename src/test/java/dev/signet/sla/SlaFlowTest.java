package dev.signet.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Service levels end to end: the queue shows each row's next target and raises it as the breach nears, the
 * breaching-soon filter, the policy that applies by precedence, and the team's figures once recorded.
 */
@QuarkusTest
class SlaFlowTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    EntityManager em;
    @Inject
    SlaPolicyService policies;
    @Inject
    SlaTestPolicies testPolicies;
    @Inject
    SlaRecorder recorder;
    @Inject
    CrmImportService crm;

    @BeforeEach
    void brands() {
        world.sandboxBrands(sandbox);
    }

    @AfterEach
    void noPoliciesLeft() {
        testPolicies.deleteAll();
    }

    @Test
    void theQueueShowsTheNextTargetRaisesABreachAndFiltersBreachingSoon() {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 15, 30, 240, true, null, null), "test");
        TestWorld.Login agent = world.agent();
        long fresh = mention(TestWorld.AIR, world.customer("Fresh Sla"), Instant.now());
        long late = mention(TestWorld.AIR, world.customer("Late Sla"), Instant.now().minus(Duration.ofMinutes(20)));
        long answered = mention(TestWorld.AIR, world.customer("Answered Sla"), Instant.now());
        reply(agent, answered, "On it.");

        // Every page: other tests' open conversations of this account are in the queue too (and ranked by the policy).
        List<Map<String, Object>> queue = wholeQueue(agent, "");
        Map<String, Object> freshRow = row(queue, fresh);
        Map<String, Object> lateRow = row(queue, late);
        Map<String, Object> answeredRow = row(queue, answered);
        assertTrue(sla(freshRow, "label").startsWith("first response due in 1"), sla(freshRow, "label"));
        assertTrue(((List<?>) freshRow.get("reasons")).stream().anyMatch(r -> r.toString().startsWith("first response due in")),
                freshRow.get("reasons").toString());
        assertTrue(sla(lateRow, "label").startsWith("first response breached 5 min ago")
                || sla(lateRow, "label").startsWith("first response breached 4 min ago"), sla(lateRow, "label"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) lateRow.get("sla")).get("breached"));
        assertEquals("resolution", sla(answeredRow, "target"));
        // The breached one ranks above the fresh one, the answered one (nothing on us but resolution) below both.
        List<Long> order = queue.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
        assertTrue(order.indexOf(late) < order.indexOf(fresh), order.toString());
        assertTrue(order.indexOf(fresh) < order.indexOf(answered), order.toString());

        List<Long> soon = wholeQueue(agent, "&breachingSoon=true").stream().map(r -> ((Number) r.get("id")).longValue())
                .toList();
        assertTrue(soon.contains(fresh) && soon.contains(late), soon.toString());
        assertFalse(soon.contains(answered), "resolution is due in 4 h: not soon");

        as(agent).get("/queue?account=" + TestWorld.AIR + "&breachingSoon=true").then().statusCode(200)
                .body(containsString("first response breached"))
                .body(containsString("sla-due sla-breached"))
                .body(containsString("name=\"breachingSoon\" value=\"true\" checked"));
    }

    @Test
    void tierAndChannelPolicyBeatsTierBeatsChannelBeatsTheAccountDefault() {
        policies.save(new SlaPolicyRequest(TestWorld.MOBILE, null, null, 60, 60, 600, true, null, null), "test");
        policies.save(new SlaPolicyRequest(TestWorld.MOBILE, null, "DM", 30, 60, 600, true, null, null), "test");
        policies.save(new SlaPolicyRequest(TestWorld.MOBILE, "gold", null, 10, 60, 600, true, null, null), "test");
        policies.save(new SlaPolicyRequest(TestWorld.MOBILE, "GOLD", "DM", 5, 60, 600, true, null, null), "test");
        Author gold = world.customer("Gold Precedence");
        crm.upsert(List.of(new CrmRecord("crm-" + gold.userId(), "Gold Precedence", null, "gold", null, null,
                gold.userId(), gold.handle(), null)), "test");
        Author plain = world.customer("Plain Precedence");

        assertEquals(Duration.ofMinutes(5), firstResponseTarget(dm(TestWorld.MOBILE, gold)));
        assertEquals(Duration.ofMinutes(10), firstResponseTarget(mention(TestWorld.MOBILE, gold, Instant.now())));
        assertEquals(Duration.ofMinutes(30), firstResponseTarget(dm(TestWorld.MOBILE, plain)));
        assertEquals(Duration.ofMinutes(60), firstResponseTarget(mention(TestWorld.MOBILE, plain, Instant.now())));
    }

    @Test
    void aPolicyChangeMovesTheDueTimesOfOpenConversations() {
        long id = mention(TestWorld.MOBILE, world.customer("Before Policy"), Instant.now());
        assertEquals(null, dueAt(id), "no policy, nothing due");
        policies.save(new SlaPolicyRequest(TestWorld.MOBILE, null, null, 45, 60, 600, true, null, null), "test");
        assertEquals(Duration.ofMinutes(45), firstResponseTarget(id));
    }

    @Test
    void theTeamFiguresCountMetAndBreachedTargetsWithTheirConversations() {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 15, 30, 240, true, null, null), "test");
        // Other tests' conversations on the account were noted when the policy came; measure only these.
        testPolicies.forgetRecord();
        TestWorld.Login agent = world.agent();
        long met = mention(TestWorld.AIR, world.customer("Met Report"), Instant.now().minus(Duration.ofMinutes(3)));
        reply(agent, met, "Here to help.");
        long breached = mention(TestWorld.AIR, world.customer("Breached Report"),
                Instant.now().minus(Duration.ofMinutes(40)));
        reply(agent, breached, "Sorry for the wait.");
        long running = mention(TestWorld.AIR, world.customer("Running Report"), Instant.now().minus(Duration.ofMinutes(25)));
        while (recorder.recordPending() > 0) {
            // drain every noted conversation
        }

        TestWorld.Login lead = world.user(Role.LEAD);
        JsonPath report = as(lead).get("/api/sla/report?account=" + TestWorld.AIR + "&period=day").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> first = report.getMap("totals.find { it.target == 'FIRST_RESPONSE' }");
        assertNotNull(first, report.prettify());
        assertEquals(1, ((Number) first.get("met")).intValue(), report.prettify());
        assertEquals(2, ((Number) first.get("breached")).intValue(), "one answered late, one still running past due");
        assertEquals(33.3, ((Number) first.get("percentMet")).doubleValue(), 0.1);
        assertNotNull(first.get("medianSeconds"));
        List<Long> breachedIds = report.getList("breaches.conversationId", Long.class);
        assertTrue(breachedIds.contains(breached) && breachedIds.contains(running), breachedIds.toString());
        assertFalse(breachedIds.contains(met));
        assertEquals(List.of(), report.getList("breaches.findAll { it.accountKey != '" + TestWorld.AIR + "' }"));

        as(lead).get("/api/sla/report/lines.csv?account=" + TestWorld.AIR + "&period=day").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("account,tier,channel,target,met,breached,percent_met,median_seconds,p90_seconds"))
                .body(containsString(TestWorld.AIR + ",*,*,FIRST_RESPONSE,1,2,33.3"));
        as(lead).get("/api/sla/report/breaches.csv?account=" + TestWorld.AIR).then().statusCode(200)
                .body(containsString(breached + "," + TestWorld.AIR));
        as(world.user(Role.BRAND_MANAGER)).get("/insights/sla?account=" + TestWorld.AIR + "&period=day").then()
                .statusCode(200).body(containsString("href=\"/conversations/" + breached + "\""))
                .body(containsString("33.3 %"));
        as(agent).get("/api/sla/report").then().statusCode(403);
        as(lead).get("/api/sla/report?period=year").then().statusCode(400).contentType("application/problem+json");
        as(lead).get("/api/sla/report?account=nope").then().statusCode(404).contentType("application/problem+json");
    }

    private Duration firstResponseTarget(long id) {
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select first_message_at, sla_due_at, sla_target from conversation where id = :id")
                .setParameter("id", id).getSingleResult());
        assertEquals("first response", r[2]);
        return Duration.between(instant(r[0]), instant(r[1]));
    }

    private Instant dueAt(long id) {
        Object r = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select sla_due_at from conversation where id = :id").setParameter("id", id).getSingleResult());
        return r == null ? null : instant(r);
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : ((java.sql.Timestamp) o).toInstant();
    }

    /** The account's whole queue, page after page, in queue order. */
    private List<Map<String, Object>> wholeQueue(TestWorld.Login agent, String filter) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int page = 0; page < 100; page++) {
            List<Map<String, Object>> batch = as(agent)
                    .get("/api/conversations?account=" + TestWorld.AIR + filter + "&size=100&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            items.addAll(batch);
            if (batch.size() < 100) {
                break;
            }
        }
        return items;
    }

    private static Map<String, Object> row(List<Map<String, Object>> queue, long id) {
        Map<String, Object> row = queue.stream().filter(r -> ((Number) r.get("id")).longValue() == id).findFirst()
                .orElse(null);
        assertNotNull(row, "conversation " + id + " is in the queue");
        return row;
    }

    private static String sla(Map<String, Object> row, String field) {
        Map<?, ?> sla = (Map<?, ?>) row.get("sla");
        assertNotNull(sla, "row " + row.get("id") + " has a due line");
        return (String) sla.get(field);
    }

    private long mention(String account, Author author, Instant sentAt) {
        InboundMessage m = new InboundMessage(account, Network.X, world.nextId(), MessageKind.MENTION, author, null,
                "@brand where is my parcel", null, sentAt);
        intake.receive(m);
        return conversationOf(m.externalId());
    }

    private long dm(String account, Author author) {
        InboundMessage m = world.directMessage(account, author, "1", "my bill is wrong");
        intake.receive(m);
        return conversationOf(m.externalId());
    }

    private long conversationOf(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", externalId).getSingleResult());
    }

    private void reply(TestWorld.Login login, long id, String text) {
        as(login).contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/conversations/" + id + "/replies")
                .then().log().ifValidationFails().statusCode(201);
    }

    private static RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).when();
    }
}
