package dev.signet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.assertions.LocatorAssertions;

import dev.signet.sentiment.SentimentTestProfile;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A lead evaluates the sentiment models on a labelled file in a real browser: the report replaces the form's block in
 * place (htmx, multipart, CSRF), and a refused file shows why. Runs in the sentiment profile (the models load).
 */
@QuarkusTest
@TestProfile(SentimentTestProfile.class)
class SentimentEvaluationBrowserTest extends BrowserTest {

    private static final double WAIT_MS = 180_000;

    @Inject
    TestWorld world;

    @Test
    void aLeadUploadsALabelledFileAndSeesTheModelsSideBySide(TestInfo test) throws IOException {
        Path file = Files.createTempFile("brand-labelled", ".csv");
        Path bad = Files.createTempFile("brand-bad", ".csv");
        try {
            Files.writeString(file, labelled(), StandardCharsets.UTF_8);
            Files.writeString(bad, "text,label\nhello,greeting\n", StandardCharsets.UTF_8);
            loginAs(page, world.user(Role.LEAD));
            page.navigate("/admin/sentiment");
            page.selectOption("#evaluation-account", TestWorld.AIR);
            page.setInputFiles("#evaluation-file", bad);
            page.click("#evaluation button[type=submit]");
            assertThat(page.locator("#evaluation-error")).containsText("'greeting' is not a label");
            screenshot(page, test, "refused");

            page.setInputFiles("#evaluation-file", file);
            page.click("#evaluation button[type=submit]");
            // Generous: the first evaluation of a run waits for the encoders to load on a busy machine. Not a timing goal.
            assertThat(page.locator("#evaluation-report")).containsText("60 labelled texts for test-air",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
            assertThat(page.locator("#evaluation-report .evaluation-scores tbody tr")).hasCount(3);
            assertThat(page.locator("#evaluation-report")).containsText("lexicon baseline");
            assertThat(page.locator("#evaluation-report .confusion")).hasCount(3);
            assertThat(page).hasURL(Pattern.compile(".*/admin/sentiment$"));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(bad);
        }
    }

    /** 20 texts of each class, one per line, labels as words. */
    private static String labelled() {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append("\"thanks, the crew on flight ").append(i).append(" was lovely\",positive\n");
            csv.append("\"which gate does flight ").append(i).append(" leave from\",neutral\n");
            csv.append("\"flight ").append(i).append(" delayed again and my bag is lost\",negative\n");
        }
        return csv.toString();
    }
}
