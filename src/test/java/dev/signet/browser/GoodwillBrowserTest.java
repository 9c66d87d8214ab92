package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Page;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Goodwill in a real browser: an agent records a gesture over their allowance from the conversation's care panel
 * (htmx, the draft in the compose box survives), a lead approves it in one click on /goodwill, and the agent sees
 * it approved.
 */
@QuarkusTest
class GoodwillBrowserTest extends BrowserTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void anAgentGoesOverTheAllowanceALeadApprovesAndTheAgentSeesItApproved(TestInfo test) {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        long id = aConversation("Browser Goodwill Gil");

        loginAs(page, agent);
        page.navigate("/conversations/" + id);
        assertThat(page.locator("#goodwill-left")).containsText("€50.00 of your €50.00 allowance left");
        page.locator("#reply-text").fill("Draft that must survive");

        page.locator("#goodwill-amount").fill("20");
        page.locator("#goodwill-reason").fill("Meal voucher for the wait");
        page.locator("#goodwill button[type=submit]").click();
        assertThat(page.locator("#goodwill .alert.ok")).containsText("€20.00 granted within your allowance.");
        assertThat(page.locator("#goodwill-left")).containsText("€30.00 of your €50.00 allowance left");

        page.locator("#goodwill-amount").fill("45,50");
        page.locator("#goodwill-reason").fill("New suitcase <after> the loss");
        page.locator("#goodwill button[type=submit]").click();
        assertThat(page.locator("#goodwill .alert.ok")).containsText("€45.50 is over what is left of your allowance");
        assertThat(page.locator("#goodwill-list")).containsText("New suitcase <after> the loss");
        assertThat(page.locator("#goodwill-list")).containsText("waiting for a lead");
        // htmx swapped the Goodwill block only: the reply being written is still there.
        assertThat(page.locator("#reply-text")).hasValue("Draft that must survive");
        screenshot(page, test, "agent-pending");

        Page leadPage = newContext().newPage();
        loginAs(leadPage, lead);
        leadPage.navigate("/goodwill");
        var row = leadPage.locator("#pending tr", new Page.LocatorOptions().setHasText("New suitcase <after> the loss"));
        assertThat(row).containsText("€45.50");
        assertThat(row).containsText("^" + agent.initials());
        row.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Approve")).click();
        assertThat(leadPage.locator("#pending")).not().containsText("New suitcase <after> the loss");
        assertThat(leadPage.locator("#agent-" + agent.username())).containsText("€45.50");
        screenshot(leadPage, test, "lead-approved");

        page.navigate("/goodwill");
        var mine = page.locator("#my-gestures tr", new Page.LocatorOptions().setHasText("New suitcase <after> the loss"));
        assertThat(mine).containsText("approved by ^" + lead.initials());
        // Approved by the lead, it did not use the agent's own allowance.
        assertThat(page.locator("#my-remaining")).hasText("€30.00");
        page.navigate("/conversations/" + id);
        assertThat(page.locator("#goodwill-list")).containsText("approved by ^" + lead.initials());
    }

    private long aConversation(String name) {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir lost my bag", null);
        intake.receive(mention);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
    }
}
