package dev.signet.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

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
 * <p>
 * Accessibility: when a test ends, axe-core ({@code src/test/resources/axe/axe.min.js}) checks every page the test
 * visited (each URL again, in a fresh tab of the same session) and each page still open as the test left it; any
 * WCAG 2.1 A or AA violation (colour contrast among them) fails the test, with the rule, the page and the elements.
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
    /** Pages (path and query) each context's tabs loaded in this test, for the accessibility check. */
    private final Map<BrowserContext, Set<String>> visited = new LinkedHashMap<>();
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** axe-core's source, read once per test class. */
    private String axe;
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
        Set<String> urls = new LinkedHashSet<>();
        visited.put(context, urls);
        // Only pages loaded by a GET: a page rendered in answer to a POST can't be asked for again.
        context.onRequest(request -> {
            if (request.isNavigationRequest() && "GET".equals(request.method()) && request.frame().parentFrame() == null) {
                urls.add(request.url());
            }
        });
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
        List<String> violations = new ArrayList<>();
        for (BrowserContext context : contexts) {
            for (Page open : context.pages()) {
                String suffix = n == 0 ? "" : "-" + n;
                open.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(SCREENSHOTS.resolve(name(test) + suffix + ".png")));
                n++;
                violations.addAll(accessibilityViolations(open));
            }
            violations.addAll(revisit(context, visited.getOrDefault(context, Set.of())));
            context.close();
        }
        contexts.clear();
        visited.clear();
        if (!violations.isEmpty()) {
            fail("WCAG 2.1 AA violations (axe-core):\n" + String.join("\n", new LinkedHashSet<>(violations)));
        }
    }

    /** Opens each visited URL again in a fresh tab of the same session and checks it (GETs only: no side effects). */
    private List<String> revisit(BrowserContext context, Set<String> urls) {
        List<String> violations = new ArrayList<>();
        Set<String> pages = new LinkedHashSet<>();
        for (String url : urls) {
            if (url.startsWith(root.toString().replaceAll("/$", ""))) {
                pages.add(url.replaceAll("#.*$", ""));
            }
        }
        if (pages.isEmpty()) {
            return violations;
        }
        Page tab = context.newPage();
        for (String url : pages) {
            tab.navigate(url);
            violations.addAll(accessibilityViolations(tab));
        }
        tab.close();
        return violations;
    }

    /**
     * The WCAG 2.1 A/AA violations axe-core finds in this page as it is now, one line per rule and page. The script
     * is evaluated through the DevTools protocol, which the page's CSP (no inline script) does not apply to.
     */
    protected List<String> accessibilityViolations(Page of) {
        if (of.isClosed() || !of.url().startsWith("http")) {
            return List.of();
        }
        // Wrapped in a function: Playwright calls a string that contains "=>" as one; axe sets window.axe.
        of.evaluate("() => { if (!window.axe) { " + axeSource() + "\n } }");
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) of.evaluate("""
                async (tags) => {
                  const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                  return result.violations.map(v => v.id + ' (' + v.impact + ') on ' + location.pathname + location.search + ': '
                      + v.help + ' — ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')
                      + (n.any.length && n.any[0].message ? ' [' + n.any[0].message + ']' : '')).join('; '));
                }""", WCAG_AA);
        return found;
    }

    private String axeSource() {
        if (axe == null) {
            try (InputStream in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is missing from the test classpath: src/test/resources/axe/axe.min.js");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
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
