package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.signet.care.goodwill.GoodwillCommands;
import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.customer.PinnedFactService;
import dev.signet.intake.IntakeService;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserRepository;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The customer page in a real browser: the timeline merged from what each feature contributes (the customer's
 * message, goodwill with its amount written once in Java, an internal note) shows newest first, hostile text
 * escaped.
 */
@QuarkusTest
class CustomerTimelineBrowserTest extends BrowserTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    CrmImportService crm;
    @Inject
    GoodwillCommands goodwill;
    @Inject
    PinnedFactService notes;
    @Inject
    AppUserRepository users;
    @Inject
    EntityManager em;

    @Test
    void theTimelineShowsWhatEachFeatureContributedNewestFirst(TestInfo test) {
        TestWorld.Login agent = world.agent();
        Author author = world.customer("Browser Timeline Tia");
        String crmId = "TL-" + System.nanoTime();
        assertTrue(crm.upsert(List.of(new CrmRecord(crmId, "Browser Timeline Tia", null, "gold", null, null,
                author.userId(), author.handle(), null)), "test").applied());
        InboundMessage mention = world.mention(TestWorld.AIR, author, "@SignetTestAir my <b>bag</b> is lost", null);
        intake.receive(mention);
        long conversation = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
        long customer = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Customer c where c.crmId = :c", Long.class).setParameter("c", crmId).getSingleResult());
        AppUser me = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(agent.username()).orElseThrow());
        goodwill.record(conversation, new BigDecimal("12.5"), "Taxi <home>", me);
        notes.addNote(customer, me, "Prefers DMs");

        loginAs(page, agent);
        page.navigate("/customers/" + customer);
        var entries = page.locator("#timeline > li");
        assertThat(entries).hasCount(4);
        assertThat(entries.nth(0)).containsText("Internal note by " + agent.initials());
        assertThat(entries.nth(0)).containsText("Prefers DMs");
        assertThat(entries.nth(1)).containsText("Goodwill by ^" + agent.initials());
        assertThat(entries.nth(1)).containsText("€12.50 goodwill — Taxi <home> (granted within allowance)");
        // The message and the conversation's opening share their instant: either may come first.
        assertThat(page.locator("#timeline")).containsText("my <b>bag</b> is lost");
        assertThat(page.locator("#timeline")).containsText("Conversation " + conversation + " opened (public with @"
                + TestWorld.AIR_HANDLE);
        assertThat(page.locator("#timeline b")).hasCount(0);
        screenshot(page, test, "timeline");
    }
}
