package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

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

/** The Qute pages: login, queue (and its htmx fragment), conversation with signature and counter, escaping, CSRF. */
@QuarkusTest
class WebPagesTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void pagesSendAnonymousVisitorsToTheLoginForm() {
        given().redirects().follow(false).accept("text/html")
                .when().get("/queue")
                .then().statusCode(303).header("Location", endsWith("/login"));
        given().when().get("/login")
                .then().statusCode(200).body(containsString("action=\"/j_security_check\""));
    }

    @Test
    void formLoginLeadsToTheQueue() {
        TestWorld.Login agent = world.agent();
        Response login = given().redirects().follow(false)
                .formParam("j_username", agent.username()).formParam("j_password", agent.password())
                .when().post("/j_security_check");
        login.then().statusCode(302).header("Location", endsWith("/"));
        given().redirects().follow(false).cookie("quarkus-credential", login.getCookie("quarkus-credential"))
                .when().get("/")
                .then().statusCode(303).header("Location", endsWith("/queue"));
        given().cookie("quarkus-credential", login.getCookie("quarkus-credential"))
                .when().get("/queue")
                .then().statusCode(200).body(containsString("<h1>Queue"), containsString("^" + agent.initials()));

        given().redirects().follow(false)
                .formParam("j_username", agent.username()).formParam("j_password", "wrong")
                .when().post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/login?error=true"));
    }

    @Test
    void aBrandManagerStartsOnTheInsightsAndSomeoneLoggedOutOnTheLoginPage() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().redirects().follow(false).auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/")
                .then().statusCode(303).header("Location", endsWith("/insights"));
        given().redirects().follow(false)
                .when().get("/")
                .then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void hostileTweetTextIsEscapedOnTheQueueAndTheConversation() {
        TestWorld.Login agent = world.agent();
        // Written long ago, so that it waits longest and heads the queue's first page whatever else is queued.
        InboundMessage recent = world.mention(TestWorld.AIR, world.customer("<img src=x onerror=alert(2)>"),
                "@SignetTestAir <script>alert(1)</script> & more", null);
        InboundMessage mention = new InboundMessage(recent.accountKey(), recent.network(), recent.externalId(),
                recent.kind(), recent.author(), null, recent.text(), null, java.time.Instant.parse("2020-01-01T00:00:00Z"));
        intake.receive(mention);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/queue")
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
                .body(not(containsString("<script>alert(1)")))
                .body(not(containsString("<img src=x")));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + world.conversationOf(mention))
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    void anHtmxRequestGetsOnlyTheQueueRows() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).header("HX-Request", "true")
                .when().get("/queue")
                .then().statusCode(200)
                .body(allOf(containsString("<tbody id=\"queue-rows\""), not(containsString("<html"))));
    }

    @Test
    void theConversationPageShowsTheAgentsSignatureAndTheLengthLeft() {
        TestWorld.Login agent = world.agent();
        long id = world.conversation().account(TestWorld.MOBILE).customer(world.customer("Sig Nature"))
                .mention("@SignetTestMobile no signal").create().id();
        // test-mobile signs " -{initials-lower}": 1 space + dash + 3 letters = 5 of 280.
        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + id);
        page.then().statusCode(200)
                .body(containsString("-" + agent.initials().toLowerCase()))
                .body(containsString("275 of 280 left"))
                .body(containsString("no signal"));

        String token = Csrf.token(page);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token).formParam("text", "日本 ok")
                .when().post("/conversations/" + id + "/length")
                .then().statusCode(200)
                // 日本 weighs 4, " ok" 3, signature 5: 12 of 280.
                .body(allOf(containsString("268 of 280 left"), not(containsString("<html"))));
    }

    @Test
    void anEmptyReplyFromThePageIsRefusedReadablyAndAFormWithoutCsrfTokenIsRejected() {
        TestWorld.Login agent = world.agent();
        long id = world.conversation().account(TestWorld.AIR).customer(world.customer("Empty Reply"))
                .mention("@SignetTestAir hm").create().id();
        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + id);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .formParam("csrf-token", Csrf.token(page)).formParam("text", "  ")
                .when().post("/conversations/" + id + "/reply")
                .then().statusCode(400).body(containsString("the reply is empty"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .formParam("text", "hello")
                .when().post("/conversations/" + id + "/reply")
                .then().statusCode(400);
        long outgoing = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.id = :id and m.direction = dev.signet.care.Direction.OUT",
                Long.class).setParameter("id", id).getSingleResult());
        org.junit.jupiter.api.Assertions.assertEquals(0, outgoing);
    }

    @Test
    void aQueueLongerThanOnePageLinksToTheNextAndBack() {
        TestWorld.Login agent = world.agent();
        java.util.List<InboundMessage> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(world.mention(TestWorld.AIR, world.customer("Pager " + i), "@SignetTestAir page me", null));
        }
        intake.receiveAll(many);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/queue")
                .then().statusCode(200)
                .body(containsString("rel=\"next\" href=\"/queue?account=&amp;kind=&amp;status=&amp;holder=&amp;escalated=&amp;breachingSoon=&amp;page=1\""))
                .body(not(containsString("rel=\"prev\"")));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/queue?page=1")
                .then().statusCode(200)
                .body(containsString("rel=\"prev\" href=\"/queue?account=&amp;kind=&amp;status=&amp;holder=&amp;escalated=&amp;breachingSoon=&amp;page=0\""))
                .body(containsString("Page 2"));
    }

    @Test
    void anUnknownConversationPageIsAReadable404() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).accept("text/html")
                .when().get("/conversations/99999999")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no conversation 99999999."));
    }
}
