package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.InboundMessage;
import dev.signet.sentiment.Scores;
import dev.signet.sentiment.Sentiment;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The insights page and API: roles, escaping, series, exports, empty sections, team figures only. */
@QuarkusTest
class InsightsPageTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    Scores scores;
    @Inject
    SandboxService sandbox;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void agentsAndLeadsAreRefusedBrandManagersAndAdminsMayRead() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        for (TestWorld.Login refused : List.of(agent, lead)) {
            given().auth().preemptive().basic(refused.username(), refused.password()).accept("text/html")
                    .when().get("/insights").then().statusCode(403);
            given().auth().preemptive().basic(refused.username(), refused.password())
                    .when().get("/api/insights/" + TestWorld.AIR).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().preemptive().basic(refused.username(), refused.password())
                    .when().get("/api/insights/" + TestWorld.AIR + "/flagged.csv").then().statusCode(403);
        }
        for (String role : List.of(Role.BRAND_MANAGER, Role.ADMIN)) {
            TestWorld.Login reader = world.user(role);
            given().auth().preemptive().basic(reader.username(), reader.password())
                    .when().get("/insights?account=" + TestWorld.AIR).then().statusCode(200)
                    .body(containsString("<h1>Insights"));
        }
        given().redirects().follow(false).accept("text/html").when().get("/insights")
                .then().statusCode(303).header("Location", endsWith("/login"));
        given().when().get("/api/insights/" + TestWorld.AIR).then().statusCode(401);
    }

    @Test
    void hostileExampleMessagesAreEscapedAndTheChartsHaveTheirDataTables() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        InboundMessage hostile = world.mention(TestWorld.AIR, world.customer("<img src=x onerror=alert(3)>"),
                "@SignetTestAir <script>alert('x')</script> #Xsstag & more", null);
        intake.receive(hostile);
        scores.score(hostile, Sentiment.NEGATIVE, 0.6);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/insights?account=" + TestWorld.AIR + "&period=day")
                .then().statusCode(200)
                .body(containsString("#xsstag"))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; #Xsstag &amp; more"))
                .body(not(containsString("<script>alert")))
                .body(containsString("id=\"volume-chart\""), containsString("id=\"sentiment-chart\""))
                .body(containsString("Data table"))
                .body(containsString("/webjars/chart.js/4.4.1/dist/chart.umd.js"))
                .body(containsString("hx-trigger=\"every 30s\""));
        given().when().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200);
        given().when().get("/js/insights.js").then().statusCode(200).body(containsString("new Chart("));
    }

    @Test
    void anHtmxRequestGetsOnlyTheLivePart() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password()).header("HX-Request", "true")
                .when().get("/insights?account=" + TestWorld.AIR + "&period=week")
                .then().statusCode(200)
                .body(allOf(containsString("id=\"insights-live\""), not(containsString("<html"))));
    }

    @Test
    void escalationsOfThePeriodAreCountedForTheTeamWithTheirReasons() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        int before = given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.AIR + "?period=day")
                .then().statusCode(200).extract().path("escalations.escalated");
        var author = world.customer("Thrice Back");
        Instant now = Instant.now();
        for (Duration ago : List.of(Duration.ofHours(9), Duration.ofHours(5), Duration.ofHours(1))) {
            intake.receive(new InboundMessage(TestWorld.AIR, dev.signet.channel.Network.X, world.nextId(),
                    dev.signet.channel.MessageKind.MENTION, author, null, "@SignetTestAir still no refund", null,
                    now.minus(ago)));
        }
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.AIR + "?period=day")
                .then().statusCode(200)
                .body("escalations.available", equalTo(true))
                .body("escalations.escalated", equalTo(before + 1))
                .body("escalations.reasons[0].reason", containsString("contact"))
                .body(not(containsString(world.agent().username())));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/insights?account=" + TestWorld.AIR + "&period=day")
                .then().statusCode(200).body(containsString("data-figure=\"escalations\""));
    }

    @Test
    void theApiServesTheSeriesTheTotalsAndHonestEmptySections() throws Exception {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        InboundMessage message = world.mention(TestWorld.MOBILE, world.customer("Series Customer"),
                "@SignetTestMobile no signal in Berlin", null);
        intake.receive(message);
        scores.score(message, Sentiment.NEGATIVE, 0.9);
        String body = given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.MOBILE + "?period=day")
                .then().statusCode(200).contentType("application/json")
                .body("period", equalTo("day")).body("bucket", equalTo("hour"))
                .body("csat.asked", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("escalations.escalated", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("marketFeedback.available", equalTo(true))
                .extract().asString();
        JsonNode report = json.readTree(body);
        assertEquals(24, report.get("points").size());
        JsonNode last = report.get("points").get(23);
        assertTrue(last.get("messages").asLong() >= 1, last.toString());
        assertTrue(last.get("negative").asLong() >= 1, last.toString());
        assertTrue(report.get("totals").get("scored").asLong() >= 1);

        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.MOBILE + "?period=fortnight")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-period"));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/no-such-account").then().statusCode(404)
                .body("type", equalTo("/problems/account-not-found"));
        given().auth().preemptive().basic(manager.username(), manager.password()).accept("text/html")
                .when().get("/insights?account=" + TestWorld.MOBILE + "&period=<b>x</b>")
                .then().statusCode(400).body(containsString("The period must be day, week or month"))
                .body(not(containsString("<b>x</b>")));
    }

    @Test
    void resolutionTimeRunsOnTheCustomersClock() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        // Resolved conversations of a test account: 10, 20, …, 100 minutes from first message to resolution.
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            InboundMessage m = world.mention(TestWorld.AIR_V2, world.customer("Resolved " + i), "@SignetTestAirV2 help", null);
            intake.receive(m);
            ids.add(scores.conversationId(scores.messageId(m)));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ids.size(); i++) {
                Instant first = now.minus(Duration.ofHours(3));
                em.createQuery("update Conversation c set c.status = dev.signet.care.ConversationStatus.RESOLVED,"
                        + " c.firstMessageAt = :first, c.resolvedAt = :resolved where c.id = :id")
                        .setParameter("first", first).setParameter("resolved", first.plus(Duration.ofMinutes(10L * (i + 1))))
                        .setParameter("id", ids.get(i)).executeUpdate();
            }
        });
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.AIR_V2 + "?period=day")
                .then().statusCode(200)
                .body("resolution.resolved", equalTo(10))
                .body("resolution.medianMinutes", equalTo(55.0f))
                .body("resolution.p90Minutes", equalTo(91.0f));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/insights?account=" + TestWorld.AIR_V2 + "&period=day")
                .then().statusCode(200).body(containsString("median 55.0 min · p90 91.0 min"));
    }

    @Test
    void exportsDefuseFormulasInFlaggedMessages() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        InboundMessage evil = world.mention(TestWorld.MOBILE, world.customer("Formula Fan"),
                "=HYPERLINK(\"http://evil.example\",\"refund\") @SignetTestMobile", null);
        intake.receive(evil);
        scores.score(evil, Sentiment.NEGATIVE, 0.99);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.MOBILE + "/flagged.csv?period=day")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"test-mobile-flagged-day.csv\""))
                .body(startsWith("message_id,reason,sent_at,flagged_at,text"))
                .body(containsString("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"refund\"\") @SignetTestMobile\""))
                .body(not(containsString(",=HYPERLINK")));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.MOBILE + "/flagged.json?period=day")
                .then().statusCode(200)
                .body("find { it.messageId == " + scores.messageId(evil) + " }.text", startsWith("=HYPERLINK"));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.MOBILE + "/series.csv?period=week")
                .then().statusCode(200).body(startsWith("bucket_start,messages,positive,neutral,negative,negative_share"));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.MOBILE + "/series.json?period=month")
                .then().statusCode(200).body("size()", equalTo(30));
    }

    @Test
    void nothingRanksOrNamesIndividualAgents() throws Exception {
        TestWorld.Login agent = world.agent();
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        world.sandboxBrands(sandbox);
        InboundMessage angry = world.mention(TestWorld.AIR, world.customer("Angry Flyer"), "@SignetTestAir terrible #RankMe", null);
        intake.receive(angry);
        scores.score(angry, Sentiment.NEGATIVE, 0.95);
        long conversation = scores.conversationId(scores.messageId(angry));
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body("{\"text\":\"So sorry, we are on it\"}")
                .when().post("/api/conversations/" + conversation + "/replies").then().statusCode(201);

        String page = given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/insights?account=" + TestWorld.AIR + "&period=day").then().statusCode(200).extract().asString();
        String api = given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.AIR + "?period=day").then().statusCode(200).extract().asString();
        java.util.regex.Pattern initials = java.util.regex.Pattern.compile("\\b" + agent.initials() + "\\b");
        for (String shown : List.of(page, api)) {
            assertFalse(shown.contains(agent.username()), "no agent user name");
            assertFalse(shown.contains("Test agent"), "no agent display name");
            assertFalse(initials.matcher(shown).find(), "no agent initials or signature");
        }
        for (String phrase : List.of("per agent", "by agent", "leaderboard", "ranking")) {
            assertFalse(page.toLowerCase(Locale.ROOT).contains(phrase), "the page mentions " + phrase);
        }
        List<String> fields = new ArrayList<>();
        collectFields(json.readTree(api), fields);
        for (String field : fields) {
            String f = field.toLowerCase(Locale.ROOT);
            assertFalse(f.contains("agent") || f.contains("user") || f.contains("author") || f.contains("rep"),
                    "the API exposes a per-person field: " + field);
        }
    }

    private static void collectFields(JsonNode node, List<String> fields) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                fields.add(name);
                collectFields(node.get(name), fields);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectFields(child, fields));
        }
    }
}
