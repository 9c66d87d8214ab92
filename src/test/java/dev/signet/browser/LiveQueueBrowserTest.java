package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two agents in two browsers work the same queue: a customer's DM appears on the open queue page without a
 * reload, the first agent claims it, the second sees it held and is refused when replying (nothing reaches X),
 * the first replies with the live counter and signature, then hands the conversation off to the second.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class LiveQueueBrowserTest extends BrowserTest {

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;

    @Test
    void twoAgentsWorkTheQueueWithoutADoubleReply(TestInfo test) {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        loginAs(page, maria);
        // Narrowed to the DMs of one account nobody is holding, so the new row lands on the first page.
        page.navigate("/queue?account=" + TestWorld.MOBILE + "&kind=DM&holder=UNASSIGNED");
        assertThat(page.locator("#live-state")).hasAttribute("data-live", "on");

        String customer = world.sandboxCustomer(sandbox, "Live Lou");
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "my phone stopped charging overnight");
        assertNull(poller.poll(TestWorld.MOBILE).error());
        // No reload: the server-sent event makes the page fetch its rows again.
        assertThat(page.locator("#queue-rows")).containsText("@" + customer);
        screenshot(page, test, "live-row");

        long id = world.latestConversationOf(customer);
        page.navigate("/conversations/" + id);
        page.waitForNavigation(() -> page.locator("form[action$='/claim'] button").click());
        assertThat(page.locator("#holder")).containsText("held by ^" + maria.initials());

        Page other = newContext().newPage();
        loginAs(other, jonas);
        other.navigate("/conversations/" + id);
        assertThat(other.locator("#holder")).containsText("held by ^" + maria.initials());
        other.locator("#reply-text").fill("Jonas here, trying to help");
        other.waitForNavigation(() -> other.click("form.compose button[type=submit]"));
        assertThat(other.locator(".alert.error").first()).containsText("held by ^" + maria.initials());
        assertThat(other.locator("#reply-text")).hasValue("Jonas here, trying to help");
        screenshot(other, test, "refused");
        assertEquals(List.of(), dmsTo(customer, "Jonas here"));

        page.locator("#reply-text").fill("Sorry about that! Which charger do you use?");
        // A DM may be 10,000 characters long on X; the signature " -xyz" counts.
        assertThat(page.locator("#counter")).hasText((10_000 - "Sorry about that! Which charger do you use? -".length()
                - maria.initials().length()) + " of 10000 left");
        page.waitForNavigation(() -> page.click("form.compose button[type=submit]"));
        assertThat(page.locator(".alert.ok")).containsText("Reply published on X.");
        assertEquals(List.of("Sorry about that! Which charger do you use? -" + maria.initials().toLowerCase()),
                dmsTo(customer, "Sorry about that"));

        page.selectOption("form.handoff select[name=to]", new SelectOption().setValue(jonas.username()));
        page.fill("form.handoff input[name=reason]", "Jonas knows the charger recall");
        page.waitForNavigation(() -> page.click("form.handoff button[type=submit]"));
        assertThat(page.locator("#handoffs")).containsText("Jonas knows the charger recall");
        assertThat(page.locator("#handoffs")).containsText("^" + jonas.initials());
        screenshot(page, test, "handed-off");
    }

    /** What the brand sent this customer by DM on the sandbox X, starting with {@code prefix}. */
    private List<String> dmsTo(String handle, String prefix) {
        return sandbox.directMessagesOf(handle).stream()
                .filter(dm -> dm.text().startsWith(prefix))
                .map(dm -> dm.text())
                .toList();
    }
}
