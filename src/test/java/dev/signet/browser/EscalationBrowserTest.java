package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInfo;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A lead has the queue open; a customer's third contact about the same matter arrives: the row shows the
 * escalation badge without a reload (server-sent events), the lead's escalated view lists it, and the lead takes
 * the escalation back on the conversation page, saying why.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class EscalationBrowserTest extends BrowserTest {

    @Inject
    SandboxService sandbox;
    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;

    @Test
    void theThirdContactShowsEscalatedLiveOnTheLeadsQueue(TestInfo test) {
        TestWorld.Login lena = world.user(Role.LEAD);
        Author author = world.customer("Escalating Eve");
        // Waiting for two days: the row sits at the top of the lead's queue.
        Instant start = Instant.now().minus(Duration.ofDays(2));
        intake.receive(dm(author, "my refund never came", start));
        intake.receive(dm(author, "still no refund", start.plus(Duration.ofHours(20))));
        long id = world.latestConversationOf(author);

        loginAs(page, lena);
        page.navigate("/queue?account=" + TestWorld.MOBILE + "&kind=DM");
        assertThat(page.locator("#live-state")).hasAttribute("data-live", "on");
        var row = page.locator("tr[data-conversation='" + id + "']");
        assertThat(row).isVisible();
        assertThat(row.locator(".badge.escalated")).hasCount(0);

        intake.receive(dm(author, "third time I write about this refund", Instant.now()));
        // No reload: the server-sent event makes the page fetch its rows again.
        assertThat(row.locator(".badge.escalated")).isVisible();
        assertThat(row.locator(".reasons")).containsText("escalated +40");
        screenshot(page, test, "escalated-live");

        page.click("#escalated-view");
        assertThat(page.locator("tr[data-conversation='" + id + "'] .badge.escalated")).isVisible();
        screenshot(page, test, "escalated-view");

        page.navigate("/conversations/" + id);
        assertThat(page.locator("#care .badge.escalated").first()).isVisible();
        assertThat(page.locator("#escalations")).containsText("3rd contact about the same matter");
        assertThat(page.locator("#matter-contacts")).hasText("3");
        page.fill("form.deescalate input[name=reason]", "refund approved, customer told");
        page.waitForNavigation(() -> page.click("form.deescalate button[type=submit]"));
        assertThat(page.locator("#escalations")).containsText("de-escalated by " + lena.username());
        assertThat(page.locator("form.deescalate")).hasCount(0);
        screenshot(page, test, "deescalated");
    }

    private InboundMessage dm(Author author, String text, Instant at) {
        return new InboundMessage(TestWorld.MOBILE, Network.X, world.nextId(), MessageKind.DIRECT_MESSAGE, author,
                "brand", text, null, at);
    }
}
