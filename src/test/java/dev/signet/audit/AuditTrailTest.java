package dev.signet.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.Author;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The audit log end to end: each kind of action, done through the API as a person would, leaves one entry with its
 * actor, target, detail and the request's address; the list filters and pages, the CSV is itself audited, only
 * admins read it, and PostgreSQL refuses to change or delete an entry.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class AuditTrailTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    EntityManager em;

    @Test
    void aFormLoginAndFailedLoginsAreRecordedWithTheUserNameNeverThePassword() {
        TestWorld.Login agent = world.agent();
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", agent.username()).formParam("j_password", agent.password())
                .when().post("/j_security_check").then().statusCode(302);
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", agent.username()).formParam("j_password", "not-" + agent.password())
                .when().post("/j_security_check").then().statusCode(302);
        given().auth().preemptive().basic(agent.username(), "wrong-basic-password").when().get("/api/notifications")
                .then().statusCode(401);

        JsonPath logins = entries(Map.of("actor", agent.username(), "targetType", "user"));
        assertEquals(List.of("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN"), logins.getList("entries.action"));
        assertEquals(List.of("basic", "form", "form"), logins.getList("entries.detail.via"));
        assertEquals(List.of("127.0.0.1", "127.0.0.1", "127.0.0.1"), logins.getList("entries.remoteAddress"));
        assertFalse(logins.prettify().contains(agent.password()), "no password in the log");
        assertFalse(logins.prettify().contains("wrong-basic-password"), "no password in the log");
        // A successful API call is no login of its own.
        as(agent).when().get("/api/notifications").then().statusCode(200);
        assertEquals(3, entries(Map.of("actor", agent.username(), "targetType", "user")).getList("entries").size());
    }

    @Test
    void anAdminChangingRoleAndInitialsIsRecordedWithBeforeAndAfterAndABadChangeStoresNothing() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        TestWorld.Login agent = world.agent();
        as(admin).contentType(ContentType.JSON).body(Map.of("role", "lead", "initials", "zq" + agent.initials().substring(1)))
                .when().patch("/api/users/" + agent.username()).then().statusCode(200).body("role", equalTo("lead"));
        as(admin).contentType(ContentType.JSON).body(Map.of("role", "overlord"))
                .when().patch("/api/users/" + agent.username()).then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("unknown-role"));
        as(agent).contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .when().patch("/api/users/" + agent.username()).then().statusCode(403);

        JsonPath changes = entries(Map.of("actor", admin.username(), "targetId", agent.username()));
        assertEquals(List.of("INITIALS_CHANGED", "ROLE_CHANGED"), changes.getList("entries.action"));
        assertEquals("agent", changes.getString("entries[1].detail.from"));
        assertEquals("lead", changes.getString("entries[1].detail.to"));
        assertEquals(agent.initials(), changes.getString("entries[0].detail.from"));
        assertEquals("127.0.0.1", changes.getString("entries[0].remoteAddress"));
    }

    @Test
    void linksMergesAndUndoAreRecordedOnTheCustomerAndShownOnItsPage() {
        TestWorld.Login lead = world.user(Role.LEAD);
        String run = world.nextId();
        Author writer = world.customer("Audit Linked");
        intake.receive(world.mention(TestWorld.AIR, writer, "@SignetTestAir where is my bag", null));
        as(lead).contentType(ContentType.JSON)
                .body("[{\"crmId\":\"" + run + "-a\",\"name\":\"Audit A\",\"xUserId\":\"" + writer.userId() + "\"},"
                        + "{\"crmId\":\"" + run + "-b\",\"name\":\"Audit B\"}]")
                .when().post("/api/customers/batch").then().statusCode(200).body("linked", equalTo(1));
        long a = customer(run + "-a");
        long b = customer(run + "-b");
        long merge = as(lead).contentType(ContentType.JSON).body(Map.of("sourceCustomerId", b, "reason", "same person"))
                .when().post("/api/customers/" + a + "/merges").then().statusCode(201).extract().jsonPath().getLong("mergeId");
        as(lead).contentType(ContentType.JSON).body(Map.of("reason", "not the same after all"))
                .when().post("/api/merges/" + merge + "/undo").then().statusCode(204);

        JsonPath onA = entries(Map.of("targetType", "customer", "targetId", String.valueOf(a)));
        assertEquals(List.of("MERGE_UNDONE", "MERGED", "LINKED"), onA.getList("entries.action"));
        assertEquals(List.of(lead.username(), lead.username(), lead.username()), onA.getList("entries.actor"));
        assertEquals(String.valueOf(b), onA.getString("entries[1].detail.otherCustomerId"));
        assertNotNull(onA.getString("entries[2].detail.identityId"));
        as(lead).when().get("/customers/" + a).then().statusCode(200)
                .body(containsString("MERGE_UNDONE")).body(containsString("not the same after all"));
    }

    @Test
    void aPublishedReplyAndAHandOffAreRecordedWithoutTheText() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        String handle = world.sandboxCustomer(sandbox, "Audit Replied");
        sandbox.postMention(handle, TestWorld.AIR_HANDLE, "my seat was double booked", null);
        poller.poll(TestWorld.AIR);
        long conversation = world.latestConversationOf(handle);
        as(agent).contentType(ContentType.JSON).body("{\"text\":\"So sorry, rebooking you now\"}")
                .when().post("/api/conversations/" + conversation + "/replies").then().statusCode(201)
                .body("delivery", equalTo("SENT"));
        as(agent).contentType(ContentType.JSON).body(Map.of("to", colleague.username(), "reason", "seat desk"))
                .when().post("/api/conversations/" + conversation + "/handoff").then().statusCode(204);

        JsonPath done = entries(Map.of("targetType", "conversation", "targetId", String.valueOf(conversation)));
        assertEquals(List.of("HANDED_OFF", "REPLY_PUBLISHED"), done.getList("entries.action"));
        assertEquals(List.of(agent.username(), agent.username()), done.getList("entries.actor"));
        assertEquals(colleague.username(), done.getString("entries[0].detail.to"));
        assertEquals(TestWorld.AIR, done.getString("entries[1].detail.account"));
        assertFalse(done.prettify().contains("rebooking"), "the reply's text is not in the audit");
    }

    @Test
    void goodwillDecisionsAreRecordedWithTheLeadAsActor() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Audit Goodwill"), "@SignetTestAir refund?", null);
        intake.receive(mention);
        long conversation = world.conversationOfExternalId(mention.externalId());
        long approved = gesture(agent, conversation, "60.00");
        long declined = gesture(agent, conversation, "70.00");
        as(lead).contentType(ContentType.JSON).body("{}").when().post("/api/goodwill/" + approved + "/approve")
                .then().statusCode(200);
        as(lead).contentType(ContentType.JSON).body("{\"note\":\"too much\"}")
                .when().post("/api/goodwill/" + declined + "/decline").then().statusCode(200);

        JsonPath decisions = entries(Map.of("actor", lead.username(), "targetType", "goodwill"));
        assertEquals(List.of("GOODWILL_DECLINED", "GOODWILL_APPROVED"), decisions.getList("entries.action"));
        assertEquals(List.of(String.valueOf(declined), String.valueOf(approved)), decisions.getList("entries.targetId"));
        assertEquals(agent.username(), decisions.getString("entries[1].detail.agent"));
        assertEquals("too much", decisions.getString("entries[0].detail.note"));
    }

    @Test
    void exportsOfCustomersInsightsAndSlaFiguresAreRecorded() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        as(lead).when().get("/api/customers/export").then().statusCode(200);
        as(manager).when().get("/api/insights/" + TestWorld.AIR + "/series.csv?period=week").then().statusCode(200);
        as(manager).when().get("/api/insights/" + TestWorld.AIR + "/flagged.json?period=day").then().statusCode(200);
        as(manager).when().get("/api/sla/report/lines.csv?period=week").then().statusCode(200);

        JsonPath byLead = entries(Map.of("actor", lead.username(), "action", "EXPORTED"));
        assertEquals(List.of("customers"), byLead.getList("entries.targetId"));
        JsonPath byManager = entries(Map.of("actor", manager.username(), "action", "exported"));
        assertEquals(List.of("sla-lines", "insights-flagged", "insights-series"), byManager.getList("entries.targetId"));
        assertEquals(List.of("csv", "json", "csv"), byManager.getList("entries.detail.format"));
    }

    @Test
    void sentimentModelActivationAndRollbackAreRecorded() {
        TestWorld.Login lead = world.user(Role.LEAD);
        as(lead).contentType(ContentType.JSON).body("{}").when().post("/api/sentiment/accounts/" + TestWorld.MOBILE + "/versions").then().statusCode(201);
        int active = as(lead).when().get("/api/sentiment/accounts/" + TestWorld.MOBILE + "/versions").then().statusCode(200)
                .extract().jsonPath().getInt("find { it.active }.number");
        as(lead).contentType(ContentType.JSON).body(Map.of("number", 0))
                .when().put("/api/sentiment/accounts/" + TestWorld.MOBILE + "/active").then().statusCode(200);
        as(lead).contentType(ContentType.JSON).body(Map.of("number", active))
                .when().put("/api/sentiment/accounts/" + TestWorld.MOBILE + "/active").then().statusCode(200);

        JsonPath changes = entries(Map.of("actor", lead.username(), "targetType", "sentiment-model"));
        assertEquals(List.of("SENTIMENT_MODEL_ACTIVATED", "SENTIMENT_MODEL_ROLLED_BACK"), changes.getList("entries.action"));
        assertEquals(List.of(TestWorld.MOBILE, TestWorld.MOBILE), changes.getList("entries.targetId"));
        assertEquals(String.valueOf(active), changes.getString("entries[1].detail.from"));
        assertEquals("0", changes.getString("entries[1].detail.to"));
    }

    @Test
    void slaPolicyChangesAreRecorded() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        Map<String, Object> policy = Map.of("accountKey", TestWorld.MOBILE_V2, "firstResponseMinutes", 15,
                "nextResponseMinutes", 30, "resolutionMinutes", 480, "alwaysOpen", true);
        long id = as(admin).contentType(ContentType.JSON).body(policy).when().post("/api/sla/policies").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        as(admin).when().delete("/api/sla/policies/" + id).then().statusCode(204);

        JsonPath changes = entries(Map.of("actor", admin.username(), "targetType", "sla-policy"));
        assertEquals(List.of("SLA_POLICY_DELETED"), changes.getList("entries.action").subList(0, 1));
        assertTrue(List.of("SLA_POLICY_CREATED", "SLA_POLICY_CHANGED").contains(changes.getString("entries[1].action")));
        assertEquals(List.of(String.valueOf(id), String.valueOf(id)), changes.getList("entries.targetId"));
    }

    @Test
    void theListFiltersByActorActionTargetAndPeriodAndPages() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        TestWorld.Login[] agents = { world.agent(), world.agent(), world.agent() };
        for (TestWorld.Login agent : agents) {
            as(admin).contentType(ContentType.JSON).body(Map.of("role", "lead"))
                    .when().patch("/api/users/" + agent.username()).then().statusCode(200);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        JsonPath firstPage = entries(Map.of("actor", admin.username(), "action", "ROLE_CHANGED", "from", today, "size", "2"));
        assertEquals(2, firstPage.getList("entries").size());
        assertTrue(firstPage.getBoolean("hasMore"));
        JsonPath secondPage = entries(Map.of("actor", admin.username(), "action", "ROLE_CHANGED", "page", "1", "size", "2"));
        assertEquals(List.of(agents[0].username()), secondPage.getList("entries.targetId"));
        assertFalse(secondPage.getBoolean("hasMore"));
        assertEquals(List.of(), entries(Map.of("actor", admin.username(), "from", tomorrow)).getList("entries"));
        assertEquals(List.of(agents[1].username()),
                entries(Map.of("actor", admin.username(), "targetType", "user", "targetId", agents[1].username()))
                        .getList("entries.targetId"));

        as(admin).queryParam("action", "NOT_AN_ACTION").when().get("/api/audit").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Unknown action"));
        as(admin).queryParam("from", "yesterday").when().get("/api/audit").then().statusCode(400);
        as(admin).queryParam("from", tomorrow).queryParam("to", today).when().get("/api/audit").then().statusCode(400);
        as(admin).queryParam("size", "1000").when().get("/api/audit").then().statusCode(400);
    }

    @Test
    void theCsvHoldsTheFilteredEntriesDefusedAndIsItselfAudited() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        TestWorld.Login agent = world.agent();
        as(admin).contentType(ContentType.JSON).body(Map.of("role", "lead"))
                .when().patch("/api/users/" + agent.username()).then().statusCode(200);
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "=HYPERLINK(\"http://evil\")").formParam("j_password", "x")
                .when().post("/j_security_check").then().statusCode(302);

        String csv = as(admin).queryParam("actor", admin.username()).when().get("/api/audit/export").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("id,at,actor,action,target_type,target_id,detail,remote_address", lines.get(0));
        // The export is recorded before it is read, so the file lists it too (newest first).
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(1).contains("EXPORTED"), csv);
        assertTrue(lines.get(2).contains("ROLE_CHANGED") && lines.get(2).contains(agent.username()), csv);
        String failed = as(admin).queryParam("action", "LOGIN_FAILED").when().get("/api/audit/export").then()
                .statusCode(200).extract().asString();
        assertTrue(failed.contains("'=HYPERLINK"), "a formula is defused: " + failed);

        JsonPath exports = entries(Map.of("actor", admin.username(), "action", "EXPORTED"));
        assertEquals(List.of("audit", "audit"), exports.getList("entries.targetId"));
        assertEquals(admin.username(), exports.getString("entries[1].detail.actor"));
        // The admin page offers the same download, audited too.
        as(admin).when().get("/admin/audit/export?action=ROLE_CHANGED").then().statusCode(200);
        assertEquals(3, entries(Map.of("actor", admin.username(), "action", "EXPORTED")).getList("entries").size());
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        for (String role : List.of(Role.AGENT, Role.LEAD, Role.BRAND_MANAGER)) {
            TestWorld.Login user = world.user(role);
            as(user).when().get("/api/audit").then().statusCode(403);
            as(user).when().get("/api/audit/export").then().statusCode(403);
            as(user).redirects().follow(false).when().get("/admin/audit").then().statusCode(403);
        }
        given().when().get("/api/audit").then().statusCode(401).contentType("application/problem+json");
        // A visitor: the login page (a browser) or a 401 problem (anything else).
        given().redirects().follow(false).when().get("/admin/audit").then().statusCode(anyOf(equalTo(302), equalTo(401)));
        TestWorld.Login admin = world.user(Role.ADMIN);
        TestWorld.Login agent = world.agent();
        as(admin).contentType(ContentType.JSON).body(Map.of("initials", "zz" + agent.initials().substring(2)))
                .when().patch("/api/users/" + agent.username());
        as(admin).queryParam("actor", admin.username()).when().get("/admin/audit").then().statusCode(200)
                .body(containsString("Audit log")).body(containsString(agent.username()));
    }

    @Test
    void postgresqlRefusesToChangeOrDeleteAnEntry() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        as(admin).when().get("/api/audit/export").then().statusCode(200);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update audit_entry set actor = 'someone else' where actor = ?1")
                .setParameter(1, admin.username()).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from audit_entry where actor = ?1").setParameter(1, admin.username())
                .executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("truncate audit_entry").executeUpdate()));
        assertEquals(1, entries(Map.of("actor", admin.username())).getList("entries").size(), "the entry is still there");
    }

    @Test
    void recordingRefusesToRunOutsideTheActionsTransaction() {
        AuditTrail trail = io.quarkus.arc.Arc.container().instance(AuditTrail.class).get();
        assertThrows(Exception.class, () -> trail.record("someone", AuditAction.EXPORTED,
                AuditTarget.of(AuditTarget.EXPORT, "nothing"), Map.of()));
    }

    private long gesture(TestWorld.Login agent, long conversation, String amount) {
        return as(agent).contentType(ContentType.JSON)
                .body("{\"conversationId\":" + conversation + ",\"amount\":" + amount + ",\"reason\":\"late\"}")
                .when().post("/api/goodwill").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    private long customer(String crmId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery("select c.id from Customer c where c.crmId = :crm")
                .setParameter("crm", crmId).getSingleResult());
    }

    private JsonPath entries(Map<String, String> query) {
        TestWorld.Login reader = world.user(Role.ADMIN);
        return as(reader).queryParams(query).when().get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(TestWorld.Login user) {
        return given().auth().preemptive().basic(user.username(), user.password());
    }
}
