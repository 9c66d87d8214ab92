package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Page;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Internal notes and the bell in real browsers: one agent writes a note that mentions a colleague; the note joins
 * the notes block in place, and the colleague's bell, open in another browser, counts it live; they open it.
 */
@QuarkusTest
class NotesBrowserTest extends BrowserTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void aMentionInANoteLightsTheColleaguesBellLive(TestInfo test) {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        long id = aConversation("Browser Note");

        Page jonasPage = loginAs(newContext().newPage(), jonas);
        assertThat(jonasPage.locator("#bell-count")).hasText("0");

        loginAs(page, maria);
        page.navigate("/conversations/" + id);
        assertThat(page.locator("#notes")).containsText("internal · never sent");
        page.fill("#note-text", "@" + jonas.initials().toLowerCase() + " can you call them back? <b>urgent</b> @ZQZ");
        page.click("#notes button[type=submit]");
        // Swapped in place by htmx: the note, who was told, who matched nobody; the compose box is untouched.
        assertThat(page.locator("#notes .note-list")).containsText("can you call them back? <b>urgent</b>");
        assertThat(page.locator("#notes")).containsText("Notified ^" + jonas.initials());
        assertThat(page.locator("#unmatched-mentions")).containsText("@ZQZ");
        assertThat(page.locator("#note-text")).hasValue("");
        assertThat(page).hasURL(Pattern.compile(".*/conversations/" + id + "$"));

        // Jonas's queue page, open all along, counts it without a reload.
        assertThat(jonasPage.locator("#bell-count")).hasText("1");
        screenshot(jonasPage, test, "bell");
        jonasPage.click("#bell");
        assertThat(jonasPage.locator(".notification-list li.unread")).containsText("mentioned you on conversation #" + id);
        jonasPage.click(".notification-list li.unread button:has-text('Open conversation')");
        assertThat(jonasPage).hasURL(Pattern.compile(".*/conversations/" + id + "$"));
        assertThat(jonasPage.locator("#bell-count")).hasText("0");
        assertThat(jonasPage.locator("#notes .note-list")).containsText("can you call them back?");
    }

    private long aConversation(String name) {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir where is my bag", null);
        intake.receive(mention);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
    }
}
