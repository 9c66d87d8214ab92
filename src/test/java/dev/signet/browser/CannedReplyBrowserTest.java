package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * In a real browser: an agent finds a canned reply from the compose box, it is inserted filled in with its missing
 * value marked, the send is refused until the marker is replaced, then it goes out signed; and a customer's message
 * is flagged as market feedback in one click.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class CannedReplyBrowserTest extends BrowserTest {

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void aCannedReplyIsInsertedFilledInAndSentOnlyOnceItsMarkerIsReplaced() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{\"title\":\"Code " + run + "\",\"body\":\"Hi {first_name}, your code is {fact:Browser code}.\","
                        + "\"account\":\"" + TestWorld.AIR + "\",\"kind\":\"public\"}")
                .when().post("/api/canned-replies").then().statusCode(201);
        String customer = world.sandboxCustomer(sandbox, "Cleo Browser");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "@" + TestWorld.AIR_HANDLE + " what is my code " + run, null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.account.accountKey = :account order by c.id desc", Long.class)
                .setParameter("account", TestWorld.AIR).setMaxResults(1).getSingleResult());

        loginAs(page, agent);
        page.navigate("/conversations/" + id);
        page.locator("#reply-text").fill("Hello!");
        page.locator("#canned-q").pressSequentially(run);
        page.locator("#canned-results button", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Code " + run)).click();
        String inserted = "Hello! Hi Cleo, your code is [[fact:Browser code]].";
        assertThat(page.locator("#reply-text")).hasValue(inserted);
        assertThat(page.locator("#counter")).hasClass(Pattern.compile(".*over.*"));
        assertThat(page.locator("#counter")).containsText("fill in [[fact:Browser code]] before sending");

        page.waitForNavigation(() -> page.click("form.compose button[type=submit]"));
        assertThat(page.locator(".alert.error").first()).containsText("[[fact:Browser code]]");
        assertThat(page.locator("#reply-text")).hasValue(inserted);

        page.locator("#reply-text").fill(inserted.replace("[[fact:Browser code]]", "XY12"));
        assertThat(page.locator("#counter")).not().hasClass(Pattern.compile(".*over.*"));
        page.waitForNavigation(() -> page.click("form.compose button[type=submit]"));
        assertThat(page.locator(".alert.ok")).containsText("Reply published on X.");
        assertThat(page.locator("#thread li.out").last()).containsText("Hi Cleo, your code is XY12. ^" + agent.initials());

        page.locator("#thread li.in").first().locator(".market-feedback button", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("pricing")).click();
        assertThat(page.locator("#thread li.in").first().locator(".market-feedback")).containsText("market feedback: pricing");
    }
}
