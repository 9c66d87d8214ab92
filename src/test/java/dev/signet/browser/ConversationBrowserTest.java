package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Page;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What an agent does in a real browser today: log in, open a conversation, write with the live counter, send. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class ConversationBrowserTest extends BrowserTest {

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void anAgentLogsInAndSeesTheQueue() {
        TestWorld.Login agent = world.agent();
        loginAs(page, agent);
        assertThat(page).hasURL(Pattern.compile(".*/queue.*"));
        assertThat(page.locator("h1")).containsText("Queue");
        assertThat(page.locator(".who")).containsText("^" + agent.initials());
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPage() {
        TestWorld.Login agent = world.agent();
        loginAs(page, new TestWorld.Login(agent.username(), "not-the-password", agent.initials()));
        assertThat(page).not().hasURL(Pattern.compile(".*/queue.*"));
        assertThat(page.locator("#username")).isVisible();
    }

    @Test
    void theComposeBoxCountsLiveWithTheSignatureAndTheReplyJoinsTheThread(TestInfo test) {
        TestWorld.Login agent = world.agent();
        long id = publicConversation("Browser Bea", "@" + TestWorld.AIR_HANDLE + " my seat was given away");
        loginAs(page, agent);
        page.navigate("/conversations/" + id);
        assertThat(page.locator("#thread")).containsText("my seat was given away");
        assertThat(page.locator("#signature")).hasText("^" + agent.initials());
        // " ^QAB" is 5 of X's 280 weighted characters.
        assertThat(page.locator("#counter")).hasText("275 of 280 left");

        page.locator("#reply-text").pressSequentially("日本 ok");
        // 日本 weighs 4, " ok" 3: the counter follows the typing over htmx.
        assertThat(page.locator("#counter")).hasText("268 of 280 left");
        page.locator("#reply-text").fill("x".repeat(280));
        assertThat(page.locator("#counter")).hasClass(Pattern.compile(".*over.*"));
        screenshot(page, test, "over");

        String text = "We found you a seat in row 12, Bea " + System.nanoTime();
        page.locator("#reply-text").fill(text);
        page.waitForNavigation(() -> page.click("form.compose button[type=submit]"));
        assertThat(page.locator(".alert.ok")).containsText("Reply published on X.");
        assertThat(page.locator("#thread li.out").last()).containsText(text + " ^" + agent.initials());
        assertEquals(1, onSandbox(text));
    }

    @Test
    void aFailedPublishShowsTheReasonAndRetryPublishesIt(TestInfo test) {
        TestWorld.Login agent = world.agent();
        long id = publicConversation("Browser Retry", "@" + TestWorld.AIR_HANDLE + " refund please");
        faults.arm(new SandboxFault("statuses/update.json", 1, 403, 0, false, 0));
        loginAs(page, agent);
        page.navigate("/conversations/" + id);
        String text = "Refund is on its way " + System.nanoTime();
        page.locator("#reply-text").fill(text);
        page.waitForNavigation(() -> page.click("form.compose button[type=submit]"));

        assertThat(page.locator(".alert.error").first()).containsText("X refused the reply");
        assertThat(page.locator(".delivery .alert.error")).containsText("Not published on X.");
        assertThat(page.locator(".delivery-reason")).containsText("HTTP 403");
        screenshot(page, test, "failed");
        assertEquals(0, onSandbox(text));

        page.locator(".delivery button", new Page.LocatorOptions().setHasText("Retry")).click();
        assertThat(page.locator(".delivery .alert.ok")).containsText("Published on X.");
        assertThat(page.locator(".delivery button")).hasCount(0);
        assertEquals(1, onSandbox(text));
    }

    private long publicConversation(String name, String text) {
        String customer = world.sandboxCustomer(sandbox, name);
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, text, null);
        assertNull(poller.poll(TestWorld.AIR).error());
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.account.accountKey = :account order by c.id desc", Long.class)
                .setParameter("account", TestWorld.AIR).setMaxResults(1).getSingleResult());
    }

    private long onSandbox(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from sandbox_tweet where text like :t").setParameter("t", "%" + text + "%")
                .getSingleResult()).longValue());
    }
}
