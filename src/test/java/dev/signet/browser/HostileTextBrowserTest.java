package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Page;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The hostile text suite (#18 §3): script and HTML injection, {@code javascript:} links, an RTL override, zero-width
 * characters and emoji ZWJ sequences, 10 kB of text, unpaired surrogates and NUL, posted as tweets, DMs, display
 * names, CRM fields, internal notes, customer notes and canned replies, then every page that shows them is opened.
 * The test fails if any script runs (a {@code window.__pwned} flag or a dialog), if any page answers 5xx, if a
 * payload becomes markup (an element with an event handler, an inline script, a {@code javascript:} link), or if
 * customer text with an RTL override is not isolated (inside {@code <bdi>} or an element with {@code dir}).
 */
@QuarkusTest
class HostileTextBrowserTest extends BrowserTest {

    private static final String RLO = "\u202E";
    /** Each one sets window.__pwned if it ever runs. */
    private static final List<String> INJECTIONS = List.of(
            "<script>window.__pwned='script'</script>",
            "<img src=x onerror=\"window.__pwned='img'\">",
            "\"><svg onload=\"window.__pwned='svg'\"></svg>",
            "'><iframe src=\"javascript:window.top.__pwned='iframe'\"></iframe>",
            "<a href=\"javascript:window.__pwned='link'\">click me</a>",
            "javascript:window.__pwned='bare'",
            "{inject:csrf.token} {#for x in y}{x}{/for}",
            "</textarea><script>alert('textarea')</script>");
    private static final String RTL = "invoice " + RLO + "gnp.exe from me";
    private static final String INVISIBLE = "pa\u200Bss\u200Cwo\u200Drd\uFEFF · family 👩‍👩‍👧‍👦 coder 👨🏽‍💻 flag 🏳️‍🌈";

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    EntityManager em;

    private final List<String> failures = new ArrayList<>();

    @Test
    void hostileTextEverywhereRunsNoScriptBreaksNoPageAndStaysIsolated(TestInfo test) {
        world.sandboxBrands(sandbox);
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login admin = world.user(Role.ADMIN);
        String run = world.nextId();
        String hostile = String.join(" ", INJECTIONS) + " " + RTL + " " + INVISIBLE;

        // Tweets and DMs, from an author whose display name is hostile too.
        Author author = new Author(world.nextId(), "hostile" + run.substring(run.length() - 6),
                "<img src=x onerror=\"window.__pwned='name'\"> " + RLO + "evil name");
        InboundMessage tweet = world.mention(TestWorld.AIR, author, "@SignetTestAir " + hostile, null);
        intake.receive(tweet);
        // 10 kB: exactly 10,000 characters, X's longest DM (the message column's width).
        String prefix = "@SignetTestAir ";
        intake.receive(world.mention(TestWorld.AIR, author, prefix + "x".repeat(10_000 - prefix.length() - RTL.length()) + RTL, null));
        InboundMessage dm = world.directMessage(TestWorld.AIR, author, "1", hostile);
        intake.receive(dm);
        long conversation = conversationOf(tweet);
        long dmConversation = conversationOf(dm);

        // Unpaired surrogates and NUL can't be stored as text: the edge refuses them with a 4xx, never a 5xx.
        for (String unclean : List.of("lone \uD83D surrogate", "NUL \u0000 inside", "low \uDC00 first")) {
            given().contentType(ContentType.JSON).body(("{\"author\":\"" + author.handle() + "\",\"text\":\""
                    + unclean.replace("\u0000", "\\u0000").replace("\uD83D", "\\ud83d").replace("\uDC00", "\\udc00") + "\"}")
                    .getBytes(StandardCharsets.UTF_8))
                    .when().post("/sandbox/api/tweets").then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
        }

        // CRM fields, linked to the author by their X user id.
        String csv = "crm_id,name,email,loyalty_tier,lifetime_value,tags,x_user_id,x_handle,notes\n"
                + csvField("HX" + run + " " + RLO + "dic") + "," + csvField(INJECTIONS.get(1) + " " + RTL) + ","
                + csvField("a\"<script>@example.com") + ",gold,,"
                + csvField(INJECTIONS.get(0)) + "," + author.userId() + ",," + csvField(hostile) + "\n";
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/customers/import").then().statusCode(200);

        watch(page);
        loginAs(page, lead);
        check("/queue?account=" + TestWorld.AIR);

        // Internal note and canned reply through the pages' own forms, as a person would type them.
        check("/conversations/" + conversation);
        page.fill("#note-text", hostile);
        page.click("#notes button[type=submit]");
        assertThat(page.locator("#notes .note-list")).containsText("<script>window.__pwned='script'</script>");
        page.fill("#note-text", "NUL \u0000 in a note");
        page.click("#notes button[type=submit]");
        assertThat(page.locator("#notes")).containsText("can't be stored");
        verify("/conversations/" + conversation + " (note with NUL)");

        check("/canned");
        page.fill(".canned-form input[name=title]", "T" + run + " " + INJECTIONS.get(2) + " " + RLO + "eltit");
        page.fill(".canned-form textarea[name=body]", hostile);
        page.waitForNavigation(() -> page.click(".canned-form button[type=submit]"));
        verify("/canned (after saving)");

        check("/conversations/" + conversation);
        assertThat(page.locator("#thread")).containsText("<img src=x onerror=");
        assertRtlIsolated("/conversations/" + conversation);
        check("/conversations/" + dmConversation);
        assertRtlIsolated("/conversations/" + dmConversation);
        page.fill("#canned-q", "T" + run);
        page.waitForTimeout(600);
        verify("canned search in the compose box");

        check("/customers?q=HX" + run);
        page.waitForNavigation(() -> page.locator("table a[href^='/customers/']").first().click());
        verify("customer profile");
        assertRtlIsolated("customer profile");
        page.fill("#note-text", hostile);
        page.waitForNavigation(() -> page.locator("#note-text").locator("xpath=ancestor::form").locator("button[type=submit]").click());
        verify("customer profile (after a note)");
        assertRtlIsolated("customer profile (after a note)");
        check("/notifications");
        check("/goodwill");

        Page adminPage = newContext().newPage();
        watch(adminPage);
        loginAs(adminPage, admin);
        Page before = page;
        page = adminPage;
        check("/insights?account=" + TestWorld.AIR);
        page.setViewportSize(1440, 900);
        assertThat(page.locator("#headline [data-headline=volume]")).isVisible();
        // Chart.js draws both charts under the CSP (no inline script, no eval) and they fit one screen together.
        page.waitForFunction("() => window.Chart && Object.keys(Chart.instances).length === 2");
        Object chartsBottom = page.evaluate("() => document.getElementById('sentiment-chart').getBoundingClientRect().bottom");
        assertTrue(((Number) chartsBottom).doubleValue() <= 900, "charts end within the first screen: " + chartsBottom);
        screenshot(page, test, "insights");
        check("/admin");
        page = before;
        screenshot(page, test, "done");

        assertEquals(List.of(), failures, "hostile text broke something");
    }

    /** Listens for dialogs (a script ran) and 5xx answers (a page broke) on this page. */
    private void watch(Page on) {
        on.onDialog(d -> {
            failures.add("a dialog opened on " + on.url() + ": " + d.message());
            d.dismiss();
        });
        on.onResponse(r -> {
            if (r.status() >= 500) {
                failures.add(r.status() + " from " + r.url());
            }
        });
    }

    private void check(String path) {
        page.navigate(path);
        verify(path);
    }

    /** No script ran, no payload turned into markup. */
    private void verify(String where) {
        Object pwned = page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)");
        if (pwned != null) {
            failures.add("script ran on " + where + ": " + pwned);
        }
        Object markup = page.evaluate("""
                () => Array.from(document.querySelectorAll('script:not([src]), iframe, [onerror], [onload], img[src="x"], a[href^="javascript:" i]'))
                      .map(e => e.outerHTML.slice(0, 80))""");
        if (markup instanceof List<?> list && !list.isEmpty()) {
            failures.add("payload became markup on " + where + ": " + list);
        }
    }

    /** Every text node with an RTL override sits in a bidi-isolated element. */
    private void assertRtlIsolated(String where) {
        Object leaks = page.evaluate("""
                () => {
                  const out = [];
                  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                  let found = 0;
                  while (walker.nextNode()) {
                    const n = walker.currentNode;
                    if (!n.nodeValue.includes('\\u202E') || n.parentElement.closest('textarea, script, title')) continue;
                    found++;
                    const iso = n.parentElement.closest('bdi, [dir]');
                    if (!iso) out.push(n.parentElement.outerHTML.slice(0, 120));
                  }
                  return [found, out];
                }""");
        List<?> result = (List<?>) leaks;
        assertTrue(((Number) result.get(0)).intValue() > 0, "the RTL text is shown on " + where);
        if (!((List<?>) result.get(1)).isEmpty()) {
            failures.add("RTL override not isolated on " + where + ": " + result.get(1));
        }
    }

    private static String csvField(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private long conversationOf(InboundMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", message.externalId()).getSingleResult());
    }
}
