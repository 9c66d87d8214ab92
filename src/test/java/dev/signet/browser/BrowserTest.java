package dev.signet.browser;

import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.signet.testsupport.TestWorld;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Base of the browser tests (Playwright for Java driving Debian's Chromium, headless): one browser per test class,
 * a fresh context (cookies, storage) per test with {@link #page} open in it, and a screenshot of every page opened
 * in the test under {@code target/screenshots/<Class>-<test>[-n].png} when the test ends, passed or failed.
 * Subclasses are {@code @QuarkusTest}s; {@link #loginAs} logs a user in, and {@link #newContext()} opens a second,
 * separate browser session (a second agent). Needs {@code /usr/bin/chromium} ({@code apt-get install chromium});
 * Playwright's own browser download is off ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}, set by the pom).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    /** Debian's Chromium; Playwright's own builds can't be downloaded here. */
    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** Slow machines: give htmx round trips and page loads time before failing. */
    private static final double TIMEOUT_MILLIS = 15_000;

    @TestHTTPResource("/")
    URL root;

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    /** The page of this test's first context. */
    protected Page page;

    @BeforeAll
    void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @BeforeEach
    void openPage() {
        page = newContext().newPage();
    }

    /** A new browser session (its own cookies): another user in another browser window. */
    protected BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(root.toString().replaceAll("/$", ""))
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        contexts.add(context);
        return context;
    }

    /** Logs this user in on {@code on} through the login form; the page ends on the queue. */
    protected Page loginAs(Page on, TestWorld.Login user) {
        on.navigate("/login");
        on.fill("#username", user.username());
        on.fill("#password", user.password());
        on.waitForNavigation(() -> on.click("form[action='/j_security_check'] button[type=submit]"));
        return on;
    }

    /** Saves a screenshot of a page now, named after the test and {@code step}. */
    protected void screenshot(Page of, TestInfo test, String step) {
        of.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name(test) + "-" + step + ".png")));
    }

    @AfterEach
    void closeContexts(TestInfo test) {
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page open : context.pages()) {
                String suffix = n == 0 ? "" : "-" + n;
                open.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(SCREENSHOTS.resolve(name(test) + suffix + ".png")));
                n++;
            }
            context.close();
        }
        contexts.clear();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static String name(TestInfo test) {
        return test.getTestClass().map(Class::getSimpleName).orElse("browser") + "-"
                + test.getTestMethod().map(Method::getName).orElse("test");
    }
}
