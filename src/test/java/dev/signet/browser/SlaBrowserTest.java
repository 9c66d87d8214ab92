package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.sla.SlaPolicyRequest;
import dev.signet.sla.SlaPolicyService;
import dev.signet.sla.SlaRecorder;
import dev.signet.sla.SlaTestPolicies;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;

/**
 * Service levels in a real browser: the queue row's due line and the breaching-soon filter, a lead editing a policy on
 * /admin/sla (and a refused one shown readably), and the team's figures on /insights/sla with breaches linking to their
 * conversations; axe-core checks every page.
 */
@QuarkusTest
class SlaBrowserTest extends BrowserTest {

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

    @BeforeEach
    void brands() {
        world.sandboxBrands(sandbox);
    }

    @AfterEach
    void noPoliciesLeft() {
        testPolicies.deleteAll();
    }

    @Test
    void theQueueShowsDueLinesAndFiltersTheOnesBreachingSoon(TestInfo test) {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 20, 30, 240, true, null, null), "test");
        long fresh = mention("Browser Sla Fresh", Instant.now().minus(Duration.ofMinutes(8)));
        long late = mention("Browser Sla Late", Instant.now().minus(Duration.ofMinutes(25)));
        loginAs(page, world.agent());
        page.navigate("/queue?account=" + TestWorld.AIR);
        Locator freshRow = page.locator("tr", new Page.LocatorOptions().setHasText("Browser Sla Fresh"));
        assertThat(freshRow.locator(".sla-due")).containsText("first response due in 1");
        Locator lateRow = page.locator("tr", new Page.LocatorOptions().setHasText("Browser Sla Late"));
        assertThat(lateRow.locator(".sla-due.sla-breached")).containsText("first response breached 5 min ago");
        screenshot(page, test, "queue");

        page.locator("#breaching-soon-view").click();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Browser Sla Late"))).hasCount(1);
        assertThat(page.locator("input[name=breachingSoon]")).isChecked();
        screenshot(page, test, "breaching-soon");
        page.navigate("/conversations/" + fresh);
        page.navigate("/conversations/" + late);
    }

    @Test
    void aLeadEditsAPolicyAndSeesARefusedOneReadably(TestInfo test) {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 20, 30, 240, true, null, null), "test");
        loginAs(page, world.user(Role.LEAD));
        page.navigate("/admin/sla");
        page.locator("#sla-policies tr", new Page.LocatorOptions().setHasText(TestWorld.AIR)).first()
                .locator("a", new Locator.LocatorOptions().setHasText("Edit")).click();
        page.locator("input[name=firstResponseMinutes]").fill("25");
        page.locator("#sla-form button[type=submit]").click();
        assertThat(page.locator("#sla-policies")).containsText("25 min");
        assertThat(page.locator("#sla-changes")).containsText(TestWorld.AIR);
        screenshot(page, test, "edited");

        page.locator("input[name=firstResponseMinutes]").fill("600");
        page.locator("input[name=resolutionMinutes]").fill("60");
        page.locator("#sla-form button[type=submit]").click();
        assertThat(page.locator("#sla-error")).containsText("first response");
        assertThat(page.locator("input[name=firstResponseMinutes]")).hasValue("600");
        screenshot(page, test, "refused");
    }

    @Test
    void theTeamFiguresLinkTheirBreachesToTheConversations(TestInfo test) {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 15, 30, 240, true, null, null), "test");
        testPolicies.forgetRecord();
        TestWorld.Login agent = world.agent();
        long met = mention("Browser Sla Met", Instant.now().minus(Duration.ofMinutes(3)));
        reply(agent, met);
        long breached = mention("Browser Sla Breached", Instant.now().minus(Duration.ofMinutes(50)));
        reply(agent, breached);
        while (recorder.recordPending() > 0) {
            // every noted conversation
        }
        loginAs(page, world.user(Role.BRAND_MANAGER));
        page.navigate("/insights/sla?account=" + TestWorld.AIR + "&period=day");
        Locator first = page.locator("#sla-totals tr", new Page.LocatorOptions().setHasText("first response"));
        assertThat(first).containsText("50.0 %");
        assertThat(page.locator("#sla-breaches a[href='/conversations/" + breached + "']")).hasCount(1);
        screenshot(page, test, "insights");
        page.locator("#sla-breaches a[href='/conversations/" + breached + "']").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/conversations/" + breached + "$"));
    }

    private long mention(String name, Instant sentAt) {
        InboundMessage m = new InboundMessage(TestWorld.AIR, Network.X, world.nextId(), MessageKind.MENTION,
                world.customer(name), null, "@SignetTestAir where is my parcel", null, sentAt);
        intake.receive(m);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", m.externalId()).getSingleResult());
    }

    private static void reply(TestWorld.Login agent, long id) {
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body(Map.of("text", "Here to help.")).post("/api/conversations/" + id + "/replies").then().statusCode(201);
    }
}
