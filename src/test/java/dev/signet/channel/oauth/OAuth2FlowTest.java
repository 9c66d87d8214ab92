package dev.signet.channel.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.push.PushIntake;
import dev.signet.sandbox.SandboxOAuth2;
import dev.signet.secret.SecretBox;
import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * OAuth 2.0 user context end to end against the sandbox's fake X: Connect account (PKCE, state bound to the browser,
 * REST Assured following X's redirects), tokens sealed in the database, refresh before expiry and after a 401, refresh
 * failing shown, revocation both ways (Disconnect, X's {@code oauth.revoke}), X's token errors, and no token or secret
 * in answers, pages or the log output captured during each test.
 */
@QuarkusTest
class OAuth2FlowTest {

    private static final String ACCOUNT = TestWorld.MOBILE_V2;
    private static final String CLIENT_SECRET = "sandbox-oauth2-secret";
    private static final String SANDBOX = "/sandbox/x";

    @Inject
    TestWorld world;
    @Inject
    OAuth2Service oauth;
    @Inject
    SandboxOAuth2 sandbox;
    @Inject
    EntityManager em;
    @Inject
    SecretBox box;
    @Inject
    PushIntake push;
    @Inject
    ObjectMapper json;

    private TestWorld.Login admin;
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            logged.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() {
        admin = world.user(Role.ADMIN);
        sandbox.arm(SandboxOAuth2.Fault.NONE);
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
        sandbox.arm(SandboxOAuth2.Fault.NONE);
    }

    @Test
    void connectingStoresSealedTokensAndShowsTheGrant() {
        Response done = connect();
        done.then().statusCode(200).body(containsString(ACCOUNT + " is connected"))
                .body(containsString("dm.read"));
        String access = oauth.accessToken(ACCOUNT).orElseThrow();
        assertTrue(sandbox.validAccessToken(access));

        Map<String, String> columns = columns();
        assertTrue(columns.get("access_token").startsWith("v1.test1."), "sealed with the test key");
        assertFalse(columns.get("access_token").contains(access), "no plaintext access token in the database");
        String refresh = box.open(columns.get("refresh_token"), OAuth2Service.refreshContext(ACCOUNT));
        assertFalse(columns.get("refresh_token").contains(refresh));
        assertEquals(0L, countAttempts(), "the attempt is spent");

        String page = adminPage();
        assertTrue(page.contains("Disconnect"));
        assertNoSecrets(page, access, refresh);
        assertNoSecrets(asAdmin().get("/api/accounts").asString(), access, refresh);
        assertNoSecrets(asAdmin().get("/api/accounts/push").asString(), access, refresh);
        String log = String.join("\n", logged);
        assertTrue(log.contains("oauth2 account connected: account=" + ACCOUNT), "the log capture works");
        assertNoSecrets(log, access, refresh);
    }

    @Test
    void aWrongStateAnotherBrowserOrAReplayedCallbackIsRefusedWithAClearPage() {
        Response start = start();
        String binding = start.getCookie(OAuth2PageCookie.NAME);
        Response authorized = given().urlEncodingEnabled(false).redirects().follow(false)
                .get(start.getHeader("Location"));
        authorized.then().statusCode(302);
        URI back = URI.create(authorized.getHeader("Location"));
        Map<String, String> query = query(back);

        given().accept("text/html").cookie(OAuth2PageCookie.NAME, binding).queryParam("state", "forged")
                .queryParam("code", query.get("code")).get(back.getPath())
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("unknown or was used already"));
        given().accept("text/html").queryParam("state", query.get("state")).queryParam("code", query.get("code"))
                .get(back.getPath()).then().statusCode(400).body(containsString("another browser session"));
        // The state was spent by the refused try: the right browser can't use it either.
        given().accept("text/html").cookie(OAuth2PageCookie.NAME, binding).queryParam("state", query.get("state"))
                .queryParam("code", query.get("code")).get(back.getPath())
                .then().statusCode(400).body(containsString("used already"));

        connect().then().statusCode(200);
        given().accept("text/html").cookie(OAuth2PageCookie.NAME, binding).queryParam("state", query.get("state"))
                .queryParam("code", query.get("code")).get(back.getPath()).then().statusCode(400);
        given().accept("text/html").get("/oauth2/x/callback").then().statusCode(400)
                .body(containsString("no valid state"));
    }

    @Test
    void xsTokenEndpointRefusesABadVerifierAReusedCodeAndABadClient() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String redirect = "http://127.0.0.1/cb";
        String code = code(Pkce.challengeOf(verifier), redirect);
        token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect,
                "code_verifier", "x".repeat(43)), true).then().statusCode(400).body("error", equalTo("invalid_request"));
        // The code was spent by the failed exchange, as X does.
        token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect,
                "code_verifier", verifier), true).then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("authorization code"));
        String fresh = code(Pkce.challengeOf(verifier), redirect);
        token(Map.of("grant_type", "authorization_code", "code", fresh, "redirect_uri", redirect,
                "code_verifier", verifier), false).then().statusCode(401).body("error", equalTo("unauthorized_client"));
        token(Map.of("grant_type", "authorization_code", "code", fresh, "redirect_uri", redirect,
                "code_verifier", verifier), true).then().statusCode(200).body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(7200)).body("scope", containsString("offline.access"));
        token(Map.of("grant_type", "password"), true).then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        sandbox.arm(SandboxOAuth2.Fault.TOKEN_SERVER_ERROR);
        token(Map.of("grant_type", "refresh_token", "refresh_token", "x"), true).then().statusCode(503);
    }

    @Test
    void aTokenNearItsExpiryIsRefreshedAndTheOldRefreshTokenIsSpent() {
        connect().then().statusCode(200);
        String before = oauth.accessToken(ACCOUNT).orElseThrow();
        String oldRefresh = box.open(columns().get("refresh_token"), OAuth2Service.refreshContext(ACCOUNT));
        expireIn(60);
        assertEquals(1, oauth.refreshDue());
        String after = oauth.accessToken(ACCOUNT).orElseThrow();
        assertNotEquals(before, after);
        assertTrue(view().expiresAt().isAfter(Instant.now().plusSeconds(3600)));
        assertTrue(view().refreshedAt() != null);
        // X rotates refresh tokens: the old one is refused now.
        token(Map.of("grant_type", "refresh_token", "refresh_token", oldRefresh), true).then().statusCode(400);
        assertEquals(0, oauth.refreshDue(), "nothing due any more");
        assertNoSecrets(String.join("\n", logged), before, after, oldRefresh);
    }

    @Test
    void aCallRefusedWith401IsRefreshedOnceAndMadeAgain() {
        connect().then().statusCode(200);
        String first = oauth.accessToken(ACCOUNT).orElseThrow();
        sandbox.expireAccessTokens();
        List<String> used = new ArrayList<>();
        int status = oauth.withUserToken(ACCOUNT, token -> {
            used.add(token);
            int answer = given().header("Authorization", "Bearer " + token).get(SANDBOX + "/2/activity/subscriptions")
                    .statusCode();
            if (answer == 401) {
                throw new UserTokenRejectedException("list subscriptions");
            }
            return answer;
        }).orElseThrow();
        assertEquals(200, status);
        assertEquals(2, used.size());
        assertEquals(first, used.get(0));
        assertNotEquals(first, used.get(1));
    }

    @Test
    void aRefusedOrFailingRefreshIsShownAsRefreshFailing() {
        connect().then().statusCode(200);
        expireIn(60);
        sandbox.arm(SandboxOAuth2.Fault.TOKEN_SERVER_ERROR);
        assertEquals(0, oauth.refreshDue());
        assertEquals("REFRESH_FAILING", view().status());
        assertTrue(view().failure().contains("503") && view().failure().contains("will retry"), view().failure());
        sandbox.arm(SandboxOAuth2.Fault.REFUSE_REFRESH);
        assertEquals(0, oauth.refreshDue());
        assertTrue(view().failure().contains("invalid_request"), view().failure());
        assertTrue(adminPage().contains("Refresh failing"));
        sandbox.arm(SandboxOAuth2.Fault.NONE);
        assertEquals(1, oauth.refreshDue());
        assertEquals("CONNECTED", view().status());
    }

    @Test
    void disconnectRevokesTheTokensAtXAndDropsThem() {
        connect().then().statusCode(200);
        String access = oauth.accessToken(ACCOUNT).orElseThrow();
        Response page = asAdmin().get("/admin");
        asAdmin().redirects().follow(false).cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page)).post("/admin/accounts/" + ACCOUNT + "/oauth2/disconnect")
                .then().statusCode(303);
        assertFalse(sandbox.validAccessToken(access), "revoked at X");
        assertEquals("REVOKED", view().status());
        assertTrue(view().failure().startsWith("disconnected by " + admin.username()));
        assertNull(columns().get("access_token"));
        assertNull(columns().get("refresh_token"));
        assertTrue(oauth.accessToken(ACCOUNT).isEmpty());
        assertTrue(adminPage().contains("Connect account"));
    }

    @Test
    void xsOauthRevokeEventMarksTheGrantRevoked() throws Exception {
        connect().then().statusCode(200);
        push.take(ACCOUNT, List.of(json.readTree("""
                {"data":{"event_type":"oauth.revoke","event_uuid":"e-1","filter":{"user_id":"42"},
                 "tag":"signet:%s","payload":{"user_id":"42"}}}""".formatted(ACCOUNT))));
        assertEquals("REVOKED", view().status());
        assertTrue(view().failure().contains("oauth.revoke"));
        assertTrue(oauth.accessToken(ACCOUNT).isEmpty());
        assertTrue(adminPage().contains("Revoked"));
    }

    @Test
    void onlyAdminsConnectAndAnUnconfiguredAccountIsRefused() {
        TestWorld.Login lead = world.user(Role.LEAD);
        Response page = given().auth().preemptive().basic(lead.username(), lead.password()).get("/admin");
        given().auth().preemptive().basic(lead.username(), lead.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .post("/admin/accounts/" + ACCOUNT + "/oauth2/connect").then().statusCode(403);
        Response mine = asAdmin().get("/admin");
        asAdmin().redirects().follow(false).cookie(Csrf.COOKIE, mine.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(mine)).accept("application/json")
                .post("/admin/accounts/" + TestWorld.AIR + "/oauth2/connect").then().statusCode(404);
        assertThrows(OAuth2ConnectException.class, () -> oauth.complete(null, "c", null, "b"));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(admin.username(), admin.password());
    }

    private String adminPage() {
        return asAdmin().get("/admin").then().statusCode(200).extract().asString();
    }

    /** Clicks Connect account on the admin page: X's authorization URL and the browser-binding cookie. */
    private Response start() {
        Response page = asAdmin().get("/admin");
        Response start = asAdmin().redirects().follow(false).cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page)).post("/admin/accounts/" + ACCOUNT + "/oauth2/connect");
        start.then().statusCode(303).header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("scope=tweet.read%20users.read%20dm.read"));
        return start;
    }

    /** The whole flow as a browser: Connect, X's (auto-approving) authorize page, its redirect to the callback. */
    private Response connect() {
        Response start = start();
        // X's URL is encoded already: sent as it is, as a browser does.
        return given().urlEncodingEnabled(false).accept("text/html").cookie(OAuth2PageCookie.NAME, start.getCookie(OAuth2PageCookie.NAME))
                .redirects().follow(true).get(start.getHeader("Location"));
    }

    private String code(String challenge, String redirect) {
        Response authorized = given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", "sandbox-oauth2-client").queryParam("redirect_uri", redirect)
                .queryParam("scope", "dm.read offline.access").queryParam("state", "s")
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .get(SANDBOX + "/i/oauth2/authorize");
        authorized.then().statusCode(302);
        return query(URI.create(authorized.getHeader("Location"))).get("code");
    }

    private Response token(Map<String, String> form, boolean authenticated) {
        var request = given().contentType("application/x-www-form-urlencoded").formParams(form);
        if (authenticated) {
            request.auth().preemptive().basic("sandbox-oauth2-client", CLIENT_SECRET);
        }
        return request.post(SANDBOX + "/2/oauth2/token");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private GrantView view() {
        return oauth.all().stream().filter(v -> v.accountKey().equals(ACCOUNT)).findFirst().orElseThrow();
    }

    private Map<String, String> columns() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select access_token, refresh_token from oauth_grant where account_key = ?1")
                .setParameter(1, ACCOUNT).getSingleResult());
        Map<String, String> columns = new HashMap<>();
        columns.put("access_token", (String) row[0]);
        columns.put("refresh_token", (String) row[1]);
        return columns;
    }

    private long countAttempts() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from oauth_attempt where account_key = ?1").setParameter(1, ACCOUNT)
                .getSingleResult()).longValue());
    }

    private void expireIn(long seconds) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update oauth_grant set expires_at = ?1 where account_key = ?2")
                .setParameter(1, Instant.now().plusSeconds(seconds)).setParameter(2, ACCOUNT).executeUpdate());
    }

    private static void assertNoSecrets(String text, String... tokens) {
        for (String token : tokens) {
            assertFalse(text.contains(token), "a token appears");
        }
        assertFalse(text.contains(CLIENT_SECRET), "the client secret appears");
        assertFalse(text.contains("dGVzdC1vbmx5LXNpZ25ldC1zZWNyZXQta2V5LTAwMDE="), "the secret key appears");
    }

    /** The browser-binding cookie's name (package-private in web). */
    private static final class OAuth2PageCookie {
        static final String NAME = "signet_oauth2_binding";
    }
}
