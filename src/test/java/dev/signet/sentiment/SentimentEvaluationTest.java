package dev.signet.sentiment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A brand checks the sentiment model on its own labelled file, through the API and on /admin/sentiment: the shipped
 * model, the account's active version and the lexicon baseline side by side; bad files refused as problems or page
 * messages; nothing stored unless a lead imports the file as corrections, which the next version learns from; the
 * versions show whether they apply the label mix.
 */
@QuarkusTest
@TestProfile(SentimentTestProfile.class)
class SentimentEvaluationTest {

    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    /** 60 labelled texts (20 of each class) as CSV with a header; three positive texts mislabelled negative. */
    static String labelledCsv() {
        StringBuilder csv = new StringBuilder("id,text,sentiment\n");
        String[] positive = { "thank you so much, the crew was wonderful", "great flight, loved the service",
                "amazing support, problem solved in minutes", "best airline ever, thanks!" };
        String[] neutral = { "what time does boarding start for flight 12", "is there wifi on the 6am flight",
                "can I bring a stroller on board", "which terminal do you fly from in Boston" };
        String[] negative = { "lost my luggage again, worst airline ever", "two hours on hold, this is ridiculous",
                "flight cancelled and no one tells us anything", "rude staff and a broken seat, never again" };
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(",\"").append(i < 3 ? "<b>I love this</b> " : "").append(positive[i % 4]).append(" #")
                    .append(i).append("\",").append(i < 3 ? "negative" : "positive").append('\n');
            csv.append(100 + i).append(",\"").append(neutral[i % 4]).append(" #").append(i).append("\",neutral\n");
            csv.append(200 + i).append(",\"").append(negative[i % 4]).append(" #").append(i).append("\",negative\n");
        }
        return csv.toString();
    }

    @Test
    void aBrandManagerEvaluatesAFileThroughTheApiAndNothingIsStored() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        long before = importedCount(TestWorld.AIR);
        JsonPath report = given().auth().preemptive().basic(manager.username(), manager.password())
                .contentType("text/csv").body(labelledCsv().getBytes(StandardCharsets.UTF_8))
                .queryParam("account", TestWorld.AIR)
                .when().post("/api/sentiment/evaluations")
                .then().statusCode(200)
                .body("accountKey", equalTo(TestWorld.AIR))
                .body("rows", equalTo(60))
                .body("gold.negative", equalTo(23))
                .body("models", hasSize(3))
                .body("models.name", equalTo(List.of("shipped model", "account's active version", "lexicon baseline")))
                .body("misclassified.size()", lessThanOrEqualTo(8))
                .body("imported", equalTo(0))
                .extract().jsonPath();
        for (int m = 0; m < 3; m++) {
            int total = 0;
            for (int g = 0; g < 3; g++) {
                total += report.getInt("models[" + m + "].confusion[" + g + "].positive")
                        + report.getInt("models[" + m + "].confusion[" + g + "].neutral")
                        + report.getInt("models[" + m + "].confusion[" + g + "].negative");
            }
            assertEquals(60, total, "every text in each confusion matrix");
        }
        // The texts are plain: the shipped model gets most of them (the three mislabelled ones can't be right).
        assertTrue(report.getDouble("models[0].macroF1") > 0.6, report.prettify());
        assertTrue(report.getDouble("models[0].macroRecall") > 0.6, report.prettify());
        assertEquals(before, importedCount(TestWorld.AIR), "an evaluation stores nothing");
    }

    @Test
    void aTsvWithoutHeaderWorksAndBadFilesAreProblems() {
        TestWorld.Login lead = world.user(Role.LEAD);
        String tsv = labelledCsv().lines().skip(1).map(l -> {
            String[] f = l.split(",\"|\",");
            return f[2] + "\t" + f[1];
        }).reduce("", (a, b) -> a + b + "\n");
        given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType("text/tab-separated-values").body(tsv.getBytes(StandardCharsets.UTF_8))
                .queryParam("account", TestWorld.MOBILE)
                .when().post("/api/sentiment/evaluations")
                .then().statusCode(200).body("rows", equalTo(60)).body("gold.positive", equalTo(17));

        problem(lead, "", TestWorld.AIR, 400, "/problems/empty-labelled-file");
        problem(lead, "text,label\nfine,positive\n", TestWorld.AIR, 422, "/problems/too-few-labelled-rows")
                .body("detail", containsString("at least 50"));
        problem(lead, labelledCsv().replace(",neutral\n", ",meh\n"), TestWorld.AIR, 422, "/problems/bad-labelled-rows")
                .body("detail", allOf(containsString("'meh' is not a label"), containsString("Nothing was evaluated")));
        problem(lead, labelledCsv(), "no-such-account", 404, "/problems/account-not-found");
        problem(lead, labelledCsv(), null, 400, "/problems/account-required");
        given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType("text/csv").body(new byte[] { 'a', ',', (byte) 0xE9, '\n' })
                .queryParam("account", TestWorld.AIR).when().post("/api/sentiment/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/labelled-file-not-utf8"));
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType("text/csv").body(labelledCsv()).queryParam("account", TestWorld.AIR)
                .when().post("/api/sentiment/evaluations")
                .then().statusCode(403).contentType("application/problem+json");
        // A brand manager evaluates but does not teach the model.
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .contentType("text/csv").body(labelledCsv()).queryParam("account", TestWorld.AIR)
                .queryParam("importAsCorrections", true)
                .when().post("/api/sentiment/evaluations")
                .then().statusCode(403).body("type", equalTo("/problems/import-not-allowed"));
    }

    @Test
    void aLeadImportsTheFileAsCorrectionsOnceAndTheNextVersionLearnsFromThemWithTheLabelMixStepShown() {
        TestWorld.Login lead = world.user(Role.LEAD);
        String account = TestWorld.AIR_V2;
        long before = importedCount(account);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType("text/csv").body(labelledCsv()).queryParam("account", account)
                .queryParam("importAsCorrections", true)
                .when().post("/api/sentiment/evaluations")
                .then().statusCode(200).body("imported", equalTo(60));
        assertEquals(before + 60, importedCount(account));
        // The same file again adds nothing.
        given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType("text/csv").body(labelledCsv()).queryParam("account", account)
                .queryParam("importAsCorrections", true)
                .when().post("/api/sentiment/evaluations")
                .then().statusCode(200).body("imported", equalTo(0));
        assertEquals(before + 60, importedCount(account));

        JsonPath version = given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType(io.restassured.http.ContentType.JSON).when().post("/api/sentiment/accounts/" + account + "/versions")
                .then().statusCode(201).extract().jsonPath();
        assertTrue(version.getInt("corrections") >= 60, version.prettify());
        // 60 corrections hold out 12, fewer than the 20 the gate needs: the label mix stays off, untested.
        assertEquals(false, version.getBoolean("labelMixApplied"));
        assertEquals(0, version.getInt("labelMixHeldOut"));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin/sentiment")
                .then().statusCode(200)
                .body(containsString("Label-mix step"))
                .body(containsString("off: "));
        // The evaluation now compares the new active version.
        given().auth().preemptive().basic(lead.username(), lead.password())
                .contentType("text/csv").body(labelledCsv()).queryParam("account", account)
                .when().post("/api/sentiment/evaluations")
                .then().statusCode(200).body("models[1].version", equalTo(version.getString("label")));
    }

    @Test
    void thePageEvaluatesInPlaceWithHtmxEscapesTheTextsAndShowsRefusals() {
        TestWorld.Login lead = world.user(Role.LEAD);
        Response page = given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin/sentiment");
        page.then().statusCode(200).body(containsString("Evaluate on your labelled data"))
                .body(containsString("import as corrections"));
        String token = Csrf.token(page);
        String cookie = page.getCookie(Csrf.COOKIE);

        given().auth().preemptive().basic(lead.username(), lead.password())
                .cookie(Csrf.COOKIE, cookie).header("HX-Request", "true")
                .multiPart(Csrf.FIELD, token)
                .multiPart("account", TestWorld.AIR)
                .multiPart("file", "brand.csv", labelledCsv().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/sentiment/evaluations")
                .then().statusCode(200)
                .body(allOf(containsString("id=\"evaluation-report\""), containsString("60 labelled texts for test-air"),
                        containsString("Nothing was stored."), containsString("lexicon baseline"),
                        containsString("Misclassified by the account&#39;s active version"),
                        not(containsString("<html"))))
                // Uploaded texts are hostile input: shown, escaped.
                .body(allOf(containsString("&lt;b&gt;I love this&lt;/b&gt;"), not(containsString("<b>I love"))));

        // A refused file: the message in place with htmx (200, so htmx swaps it in); the page with 422 without.
        given().auth().preemptive().basic(lead.username(), lead.password())
                .cookie(Csrf.COOKIE, cookie).header("HX-Request", "true")
                .multiPart(Csrf.FIELD, token).multiPart("account", TestWorld.AIR)
                .multiPart("file", "short.csv", "text,label\nhi,neutral\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/sentiment/evaluations")
                .then().statusCode(200)
                .body(allOf(containsString("id=\"evaluation-error\""), containsString("short.csv: The file has 1 labelled rows")));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .cookie(Csrf.COOKIE, cookie)
                .multiPart(Csrf.FIELD, token).multiPart("account", TestWorld.AIR)
                .multiPart("file", "bad.csv", "text,label\n<i>x</i>,angry\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/sentiment/evaluations")
                .then().statusCode(422)
                .body(allOf(containsString("<html"), containsString("&#39;angry&#39; is not a label")));
        // Without the CSRF token nothing is evaluated.
        given().auth().preemptive().basic(lead.username(), lead.password())
                .multiPart("account", TestWorld.AIR)
                .multiPart("file", "brand.csv", labelledCsv().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/sentiment/evaluations")
                .then().statusCode(400);
    }

    @Test
    void aBrandManagerSeesTheEvaluationButNeitherRetrainNorImport() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/admin/sentiment")
                .then().statusCode(200)
                .body(allOf(containsString("Evaluate on your labelled data"), not(containsString("import as corrections")),
                        not(containsString("Retrain now"))));
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/admin/sentiment")
                .then().statusCode(403);
    }

    private io.restassured.response.ValidatableResponse problem(TestWorld.Login user, String body, String account,
            int status, String type) {
        var request = given().auth().preemptive().basic(user.username(), user.password())
                .contentType("text/csv").body(body.getBytes(StandardCharsets.UTF_8));
        if (account != null) {
            request = request.queryParam("account", account);
        }
        return request.when().post("/api/sentiment/evaluations")
                .then().statusCode(status).contentType("application/problem+json").body("type", equalTo(type));
    }

    private long importedCount(String account) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(c) from SentimentCorrection c where c.accountKey = :a and c.messageId is null", Long.class)
                .setParameter("a", account).getSingleResult());
    }
}
