package dev.signet.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One way to feed templates: every page's data reaches its template as type-checked {@code @CheckedTemplate}
 * parameters (the layout's {@code dev.signet.page.PageFrame frame}, the conversation page's
 * {@code ConversationPanels panels}), never through {@code inject:} context beans that the compiler can't see. The
 * one exception is {@code inject:csrf}, Quarkus' own form-CSRF token.
 */
class TemplateParametersTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** {@code inject:} followed by a bean name, or its shorter form {@code cdi:}. */
    private static final Pattern INJECT = Pattern.compile("\\b(?:inject|cdi):([A-Za-z_$][\\w$]*)");

    static List<String> contextBeansIn(String template) {
        Matcher m = INJECT.matcher(template);
        return m.results().map(r -> r.group(1)).filter(name -> !name.equals("csrf")).toList();
    }

    @Test
    void templatesUseNoContextBeanButCsrf() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() > 20, "templates found under " + TEMPLATES.toAbsolutePath());
        List<String> offending = files.stream()
                .flatMap(f -> contextBeansIn(read(f)).stream().map(bean -> TEMPLATES.relativize(f) + ": inject:" + bean))
                .toList();
        assertEquals(List.of(), offending, "templates take type-checked parameters, not inject: beans (inject:csrf aside)");
    }

    @Test
    void theRuleSeesContextBeansAndLetsCsrfThrough() {
        assertEquals(List.of("nav", "bell"), contextBeansIn("{#for l in inject:nav.links}{/for}{inject:bell.unread}"));
        assertEquals(List.of("pageToken"), contextBeansIn("{#if cdi:pageToken.value}{/if}"));
        assertEquals(List.of(), contextBeansIn("<input name=\"{inject:csrf.parameterName}\" value=\"{inject:csrf.token}\">"));
        assertEquals(List.of("csrfContext"), contextBeansIn("{inject:csrfContext.x}"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
