package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The web surface as an outsider tries it (#18 §3): security headers on every page, CSRF on every state-changing
 * request made with the session cookie whatever its content type (login included), management endpoints behind
 * the admin role.
 */
@QuarkusTest
class WebSurfaceTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    java.net.URL root;

    @BeforeEach
    void brands() {
        world.sandboxBrands(sandbox);
    }

    @Test
    void everyPageAndErrorCarriesStrictSecurityHeaders() {
        TestWorld.Login agent = world.agent();
        for (Response r : new Response[] {
                given().when().get("/login"),
                given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/queue"),
                given().when().get("/no-such-page"),
                given().when().get("/css/signet.css") }) {
            r.then()
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin");
        }
    }

    @Test
    void noTemplateHasAnInlineScriptOrHandler() throws Exception {
        try (var files = java.nio.file.Files.walk(java.nio.file.Paths.get("src/main/resources/templates"))) {
            for (java.nio.file.Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = java.nio.file.Files.readString(file);
                assertEquals(false, html.matches("(?is).*<script(?![^>]*\\bsrc=)[^>]*>.*"), file + " has an inline script");
                assertEquals(false, html.matches("(?is).*\\son[a-z]+\\s*=.*"), file + " has an inline event handler");
                assertEquals(false, html.matches("(?is).*\\sstyle\\s*=.*"), file + " has an inline style");
                assertEquals(false, html.contains("hx-on"), file + " has an hx-on handler (needs eval)");
            }
        }
    }

    @Test
    void bodylessAndTextPlainPostsWithOnlyTheSessionCookieAreRefused() throws Exception {
        TestWorld.Login lead = world.user(Role.LEAD);
        long id = aConversation("Csrf Bodyless");
        String session = login(lead);
        Response page = given().cookie("quarkus-credential", session).when().get("/conversations/" + id);
        page.then().statusCode(200).body(containsString("<meta name=\"csrf-token\""));
        String csrfCookie = page.getCookie("csrf-token");

        // body-less and without a content type, as a cross-site fetch(…, {method: 'POST', credentials: 'include'})
        // sends it (REST Assured would add a form content type, so a plain HTTP client)
        String cookies = "quarkus-credential=" + session + "; csrf-token=" + csrfCookie;
        HttpResponse<String> bodyless = raw("/conversations/" + id + "/claim", cookies, null, null);
        assertEquals(403, bodyless.statusCode(), bodyless.body());
        assertEquals("application/problem+json", bodyless.headers().firstValue("Content-Type").orElse(""));
        assertEquals(403, raw("/notifications/read-all", cookies, null, null).statusCode());
        assertEquals(403, raw("/goodwill/1/approve", cookies, null, null).statusCode());
        assertEquals(403, raw("/conversations/" + id + "/claim", cookies, "text/plain", "csrf-token=" + Csrf.token(page)).statusCode());
        // text/plain, as a cross-site <form enctype="text/plain"> would send it
        given().cookie("quarkus-credential", session).cookie("csrf-token", csrfCookie).redirects().follow(false)
                .contentType(ContentType.TEXT).body("csrf-token=x")
                .when().post("/conversations/" + id + "/claim")
                .then().statusCode(403);

        assertNull(holder(id), "nobody claimed it");

        // a form post from another port of the same host (same site, another origin) is refused even with the token
        given().cookie("quarkus-credential", session).cookie("csrf-token", csrfCookie).redirects().follow(false)
                .header("Origin", "http://127.0.0.1:1").formParam("csrf-token", Csrf.token(page))
                .when().post("/conversations/" + id + "/claim")
                .then().statusCode(403);
        given().cookie("quarkus-credential", session).cookie("csrf-token", csrfCookie).redirects().follow(false)
                .header("Sec-Fetch-Site", "same-site").formParam("csrf-token", Csrf.token(page))
                .when().post("/conversations/" + id + "/claim")
                .then().statusCode(403);
        assertNull(holder(id), "still nobody");

        // the header with a wrong token is refused by REST CSRF; the page's own flows go through
        given().cookie("quarkus-credential", session).cookie("csrf-token", csrfCookie).redirects().follow(false)
                .header("X-CSRF-TOKEN", "AAAA" + Csrf.token(page).substring(4))
                .when().post("/conversations/" + id + "/claim")
                .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        assertNull(holder(id), "a wrong token claims nothing");
        given().cookie("quarkus-credential", session).cookie("csrf-token", csrfCookie).redirects().follow(false)
                .header("Origin", root.toString().replaceAll("/$", "")).formParam("csrf-token", Csrf.token(page))
                .when().post("/conversations/" + id + "/claim")
                .then().statusCode(303).header("Location", endsWith("?done=claimed"));
        assertEquals(lead.username(), holder(id));
        // htmx's way: the token in the header, any body
        given().cookie("quarkus-credential", session).cookie("csrf-token", csrfCookie).redirects().follow(false)
                .header("X-CSRF-TOKEN", Csrf.token(page)).header("HX-Request", "true")
                .when().post("/conversations/" + id + "/release")
                .then().statusCode(org.hamcrest.Matchers.lessThan(400));
        assertNull(holder(id), "released through the header");
    }

    @Test
    void theLoginFormIsRefusedFromAnotherOriginAndWorksFromItsOwn() {
        TestWorld.Login agent = world.agent();
        given().redirects().follow(false).header("Origin", "http://127.0.0.1:1")
                .formParam("j_username", agent.username()).formParam("j_password", agent.password())
                .when().post("/j_security_check")
                .then().statusCode(403).contentType("application/problem+json").header("Set-Cookie", nullValue());
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParam("j_username", agent.username()).formParam("j_password", agent.password())
                .when().post("/j_security_check")
                .then().statusCode(403);
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                .formParam("j_username", agent.username()).formParam("j_password", agent.password())
                .when().post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void metricsAndOpenApiAreForAdminsOnly() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login admin = world.user(Role.ADMIN);
        for (String path : new String[] { "/q/metrics", "/q/openapi" }) {
            int anonymous = given().redirects().follow(false).when().get(path).statusCode();
            assertEquals(true, anonymous == 401 || anonymous == 302, path + " answered " + anonymous + " without login");
            given().auth().preemptive().basic(agent.username(), agent.password()).when().get(path).then().statusCode(403);
            given().auth().preemptive().basic(admin.username(), admin.password()).when().get(path).then().statusCode(200);
        }
        given().when().get("/q/health/ready").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.equalTo(200), org.hamcrest.Matchers.equalTo(503)));
    }

    /** A POST exactly as given: no content type unless one is named, no body unless one is given. */
    private HttpResponse<String> raw(String path, String cookies, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.toURI().resolve(path)).header("Cookie", cookies)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(TestWorld.Login user) {
        Response login = given().redirects().follow(false)
                .formParam("j_username", user.username()).formParam("j_password", user.password())
                .when().post("/j_security_check");
        login.then().statusCode(302);
        return login.getCookie("quarkus-credential");
    }

    private long aConversation(String name) {
        InboundMessage recent = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir csrf help", null);
        InboundMessage mention = new InboundMessage(recent.accountKey(), recent.network(), recent.externalId(),
                recent.kind(), recent.author(), null, recent.text(), null, Instant.now());
        intake.receive(mention);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
    }

    private String holder(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(
                    "select u.username from conversation c join app_user u on u.id = c.held_by_user_id"
                            + " where c.id = :id and c.held_until > current_timestamp")
                    .setParameter("id", id).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }
}
