package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;

/** The top bar follows the role (#16): each role sees the links it may follow, and every shown link answers 200. */
@QuarkusTest
class NavigationTest {

    private static final Pattern NAV = Pattern.compile("<nav aria-label=\"Pages\">(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>");
    private static final List<String> ALL = List.of("/queue", "/customers", "/goodwill", "/canned", "/admin", "/insights",
            "/users", "/admin/audit");

    @Inject
    TestWorld world;

    @Test
    void anAgentSeesTheCarePagesAndNoAdminPage() {
        assertNav(world.agent(), List.of("/queue", "/customers", "/goodwill", "/canned", "/sandbox/console"));
    }

    @Test
    void aLeadAlsoSeesChannelHealth() {
        assertNav(world.user(Role.LEAD), List.of("/queue", "/customers", "/goodwill", "/canned", "/admin", "/sandbox/console"));
    }

    @Test
    void aBrandManagerSeesInsightsOnly() {
        assertNav(world.user(Role.BRAND_MANAGER), List.of("/insights", "/sandbox/console"));
    }

    @Test
    void anAdminSeesEverything() {
        assertNav(world.user(Role.ADMIN), List.of("/queue", "/customers", "/goodwill", "/canned", "/admin", "/insights",
                "/users", "/admin/audit", "/sandbox/console"));
    }

    @Test
    void theErrorPageKeepsTheLayoutOfTheViewer() {
        // api's error page gets the layout's frame through the PageFrames port that web implements
        TestWorld.Login agent = world.agent();
        String html = given().auth().preemptive().basic(agent.username(), agent.password()).accept("text/html")
                .when().get("/conversations/" + Long.MAX_VALUE).then().statusCode(404).extract().asString();
        assertEquals(List.of("/queue", "/customers", "/goodwill", "/canned", "/sandbox/console"), links(html));
        assertTrue(html.contains("id=\"bell\""), "the bell is on the error page");
    }

    @Test
    void anUnknownPathIsAPageWithTheLayout() {
        TestWorld.Login agent = world.agent();
        String html = given().auth().preemptive().basic(agent.username(), agent.password()).accept("text/html")
                .when().get("/no-such-page").then().statusCode(404).extract().asString();
        // rendered on an I/O thread, where the identity can't be resolved: the layout, without links or bell
        assertTrue(html.contains("<nav aria-label=\"Pages\">"), "the layout wraps the error: " + html);
        assertEquals(List.of(), links(html));
    }

    @Test
    void theLoginPageShowsNoLinks() {
        String html = given().when().get("/login").then().statusCode(200).extract().asString();
        assertEquals(List.of(), links(html));
    }

    private void assertNav(TestWorld.Login user, List<String> expected) {
        // /notifications is open to every role: its top bar is the one to read
        String html = given().auth().preemptive().basic(user.username(), user.password())
                .when().get("/notifications").then().statusCode(200).extract().asString();
        List<String> shown = links(html);
        assertEquals(expected, shown, "links shown to " + user.username());
        for (String href : shown) {
            given().auth().preemptive().basic(user.username(), user.password()).redirects().follow(false)
                    .when().get(href).then().statusCode(200);
        }
        for (String hidden : ALL) {
            if (!shown.contains(hidden)) {
                given().auth().preemptive().basic(user.username(), user.password()).redirects().follow(false)
                        .when().get(hidden).then().statusCode(403);
            }
        }
    }

    private static List<String> links(String html) {
        Matcher nav = NAV.matcher(html);
        List<String> hrefs = new ArrayList<>();
        if (!nav.find()) {
            return hrefs;
        }
        Matcher link = LINK.matcher(nav.group(1));
        while (link.find()) {
            hrefs.add(link.group(1));
        }
        return hrefs;
    }
}
