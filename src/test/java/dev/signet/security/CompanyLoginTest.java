package dev.signet.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Company login against an identity provider the test starts itself ({@link CompanyIdentityProvider}): bearer tokens
 * on the API with each role, bad tokens refused with a 401 problem, a token without a Signet role refused with a
 * clear 403, the user made at first sight with the claim's initials signing their replies, and the code flow of a page
 * (redirect to the provider, callback, session, logout through the provider).
 */
@QuarkusTest
@TestProfile(CompanyLoginProfile.class)
@ExtendWith(SandboxExtension.class)
class CompanyLoginTest {

    /** Injected by {@link CompanyIdentityProvider#inject}. */
    CompanyIdentityProvider idp;

    @Inject
    TestWorld world;
    @Inject
    AppUserService users;
    @Inject
    AppUserRepository repository;
    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;

    @Test
    void eachRoleGetsTheRoutesItsRoleAllows() {
        Map<String, List<String>> groupsOf = Map.of(
                "agent", List.of("care-agents", "offline_access"),
                "lead", List.of("care-leads"),
                "brand-manager", List.of("/brand/managers"),
                "admin", List.of("it-admins"));
        // route → expected status per role: agent, lead, brand-manager, admin
        Map<String, int[]> expected = Map.of(
                "/api/conversations", new int[] { 200, 200, 403, 200 },
                "/api/accounts", new int[] { 403, 200, 403, 200 },
                "/api/notifications", new int[] { 200, 200, 200, 200 },
                "/api/insights/test-air/series.json", new int[] { 403, 403, 200, 200 });
        List<String> roles = List.of("agent", "lead", "brand-manager", "admin");
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            String token = idp.token(fresh(role), "Test " + role, null, groupsOf.get(role));
            for (Map.Entry<String, int[]> route : expected.entrySet()) {
                int status = given().auth().oauth2(token).when().get(route.getKey()).then().extract().statusCode();
                assertEquals(route.getValue()[i], status, role + " on " + route.getKey());
            }
        }
    }

    @Test
    void missingExpiredForeignAndForgedTokensGetA401Problem() {
        List<String> agents = List.of("care-agents");
        String user = fresh("agent");
        given().when().get("/api/conversations")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
        for (String bad : List.of(idp.expiredToken(user, agents), idp.tokenFromAnotherIssuer(user, agents),
                idp.tokenWithBadSignature(user, agents), "not-a-jwt")) {
            given().auth().oauth2(bad).when().get("/api/conversations")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("/problems/unauthenticated"));
        }
        assertTrue(users.findByUsername(user).isEmpty(), "no user is made from a refused token");
    }

    @Test
    void aTokenWithoutASignetRoleGetsAClear403() {
        String user = fresh("nobody");
        String token = idp.token(user, "Nora Nobody", null, List.of("marketing", "offline_access"));
        given().auth().oauth2(token).when().get("/api/conversations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/no-signet-role"))
                .body("detail", containsString("no Signet role"));
        given().auth().oauth2(token).accept("text/html").when().get("/queue")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("no Signet role"));
        assertTrue(users.findByUsername(user).isEmpty(), "a user without a role gets no app_user row");
    }

    @Test
    void theFirstLoginMakesTheUserAndTheClaimsInitialsSignTheirReplies() {
        String user = fresh("agent");
        String initials = freeInitials();
        String token = idp.token(user, "Quinn Zeller", initials.toLowerCase(), List.of("care-agents"));

        String customer = world.sandboxCustomer(sandbox, "Olive Oidc");
        SandboxTweetView mention = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "my bag is lost", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = world.latestConversationOf(customer);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"text\":\"We are on it, Olive.\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("text", equalTo("We are on it, Olive. ^" + initials));
        AppUser made = users.findByUsername(user).orElseThrow();
        assertEquals("Quinn Zeller", made.displayName());
        assertEquals(initials, made.initials());
        assertEquals(Role.AGENT, made.role());
        assertTrue(made.external());
        assertTrue(sandbox.tweetsBy(TestWorld.AIR_HANDLE).stream()
                .anyMatch(t -> t.text().endsWith("We are on it, Olive. ^" + initials)
                        && Long.valueOf(mention.id()).equals(t.inReplyToStatusId())),
                "the published reply carries the claim's initials");

        // A role changed at the provider takes effect at the next token; a password login is refused for such users.
        String lead = idp.token(user, "Quinn Zeller", initials, List.of("care-leads"));
        given().auth().oauth2(lead).when().get("/api/accounts").then().statusCode(200);
        assertEquals(Role.LEAD, users.findByUsername(user).orElseThrow().role());
        given().auth().preemptive().basic(user, "anything").when().get("/api/conversations").then().statusCode(401);
    }

    @Test
    void initialsComeFromTheNameWhenTheTokenHasNone() {
        String user = fresh("agent");
        String token = idp.token(user, "Xavier Yusuf-Wong", null, List.of("care-agents"));
        given().auth().oauth2(token).when().get("/api/conversations").then().statusCode(200);
        String initials = users.findByUsername(user).orElseThrow().initials();
        assertNotNull(initials, "an agent always gets initials to sign with");
        assertTrue(initials.startsWith("X"), initials);
    }

    @Test
    void aPageLogsInThroughTheProviderAndLogsOutThroughItToo() {
        String user = fresh("agent");
        idp.answerCodeFor(user, "Cora Codeflow", null, List.of("care-agents"));

        // Unauthenticated page → login page, which offers the company login.
        given().redirects().follow(false).accept("text/html").when().get("/queue")
                .then().statusCode(303).header("Location", endsWith("/login"));
        given().when().get("/login").then().statusCode(200).body(containsString("href=\"/login/oidc\""));

        // The company login sends the browser to the provider with a state and the redirect URI.
        Response start = given().redirects().follow(false).accept("text/html").when().get("/login/oidc");
        assertEquals(302, start.statusCode());
        String location = start.header("Location");
        assertTrue(location.startsWith(idp.issuer() + "/protocol/openid-connect/auth"), location);
        Map<String, String> query = query(URI.create(location));
        assertEquals(CompanyIdentityProvider.CLIENT_ID, query.get("client_id"));
        assertTrue(query.get("redirect_uri").endsWith("/login/oidc"), query.get("redirect_uri"));

        // The provider sends the browser back with a code: Signet takes the tokens and opens the session.
        Response callback = given().redirects().follow(false).cookies(start.cookies()).accept("text/html")
                .queryParam("code", "code-for-" + user).queryParam("state", query.get("state"))
                .when().get("/login/oidc");
        assertEquals(302, callback.statusCode(), callback.asString());
        Map<String, String> session = new HashMap<>(callback.cookies());
        assertTrue(session.keySet().stream().anyMatch(name -> name.startsWith("q_session")), session.keySet().toString());

        given().redirects().follow(false).cookies(session).when().get("/login/oidc")
                .then().statusCode(303).header("Location", endsWith("/"));
        String queue = given().cookies(session).when().get("/queue").then().statusCode(200).extract().asString();
        assertTrue(queue.contains("Cora Codeflow"), "the page names the logged-in user");
        assertEquals("CC", users.findByUsername(user).orElseThrow().initials().substring(0, 2));

        // Logout goes through the provider's end-session endpoint (RP-initiated logout).
        Response page = given().cookies(session).when().get("/notifications");
        String csrf = dev.signet.testsupport.Csrf.token(page);
        Map<String, String> withCsrf = new HashMap<>(session);
        withCsrf.putAll(page.cookies());
        given().redirects().follow(false).cookies(withCsrf).contentType(ContentType.URLENC)
                .formParam(dev.signet.testsupport.Csrf.FIELD, csrf)
                .when().post("/logout")
                .then().statusCode(303).header("Location", endsWith("/logout/oidc"));
        given().redirects().follow(false).cookies(session).when().get("/logout/oidc")
                .then().statusCode(302).header("Location", startsWith(idp.issuer() + "/protocol/openid-connect/logout"));
    }

    @Test
    void aStateChangingPostWithTheCompanySessionCookieNeedsTheCsrfToken() {
        given().cookie("q_session", "anything").contentType(ContentType.TEXT).body("x")
                .when().post("/notifications/read-all")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/csrf"));
    }

    private static String fresh(String role) {
        return "oidc-" + role + "-" + System.nanoTime();
    }

    /** Four letters no one in the test database signs with. */
    private String freeInitials() {
        for (int attempt = 0; attempt < 100; attempt++) {
            long n = System.nanoTime() + attempt * 7919L;
            String candidate = "Q" + (char) ('A' + n % 26) + (char) ('A' + n / 26 % 26) + (char) ('A' + n / 676 % 26);
            if (!io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> repository.initialsTaken(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free initials");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }
}
