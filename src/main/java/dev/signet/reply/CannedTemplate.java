package dev.signet.reply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of canned replies: which exist, how a body is checked when saved, how it is filled for a
 * conversation, and the markers left where a value is missing. A missing value is never sent as a raw
 * {@code {…}}: it becomes a marker such as {@code [[first_name]]}, which the agent must replace — a reply that
 * still holds a marker (or a raw variable) is refused.
 */
public final class CannedTemplate {

    /** The variables every conversation can fill (facts come as {@code {fact:Label}}). */
    public static final List<String> VARIABLES = List.of("first_name", "name", "handle", "agent_first_name", "brand");
    public static final String FACT_PREFIX = "fact:";
    /** How the known variables are listed to someone who used an unknown one. */
    public static final String KNOWN = "{first_name}, {name}, {handle}, {agent_first_name}, {brand}, {fact:Label} (a pinned fact's label)";

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}\\n]{0,80})\\}");
    private static final Pattern MARKER = Pattern.compile("\\[\\[([^\\[\\]\\n]{1,80})\\]\\]");
    private static final int FACT_LABEL_MAX = 60;

    private CannedTemplate() {
    }

    /** The variables a body uses, in order of first use (as written between the braces, facts with their label). */
    public static List<String> variables(String body) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(body == null ? "" : body);
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        return List.copyOf(found);
    }

    /** The variables of a body that don't exist, e.g. {@code firstname} or {@code fact:} without a label. */
    public static List<String> unknownVariables(String body) {
        return variables(body).stream().filter(v -> !isKnown(v)).toList();
    }

    static boolean isKnown(String variable) {
        if (variable.startsWith(FACT_PREFIX)) {
            String label = variable.substring(FACT_PREFIX.length()).trim();
            return !label.isEmpty() && label.length() <= FACT_LABEL_MAX;
        }
        return VARIABLES.contains(variable);
    }

    /** The body with every variable removed: what the text is at the least, for the length check at save. */
    public static String withoutVariables(String body) {
        return TOKEN.matcher(body).replaceAll("");
    }

    /**
     * Fills a body for one conversation. {@code values} maps each plain variable to its value (absent or blank =
     * missing); {@code facts} maps lower-cased fact labels to values.
     */
    public static Filled fill(String body, Map<String, String> values, Map<String, String> facts) {
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            String variable = m.group(1).trim();
            String value;
            if (variable.startsWith(FACT_PREFIX)) {
                value = facts.get(variable.substring(FACT_PREFIX.length()).trim().toLowerCase(Locale.ROOT));
            } else {
                value = values.get(variable);
            }
            if (value == null || value.isBlank()) {
                if (!missing.contains(variable)) {
                    missing.add(variable);
                }
                value = marker(variable);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
        }
        m.appendTail(out);
        return new Filled(out.toString(), List.copyOf(missing));
    }

    /** The marker left in the text where a variable's value is missing, e.g. {@code [[first_name]]}. */
    public static String marker(String variable) {
        return "[[" + variable + "]]";
    }

    /**
     * What a reply still has to be filled in before it can be sent: markers ({@code [[first_name]]}) and raw
     * known variables ({@code {handle}}). Other braces are the agent's own text and pass.
     */
    public static List<String> unfilled(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            found.add(marker.group());
        }
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            if (isKnown(token.group(1).trim())) {
                found.add(token.group());
            }
        }
        return List.copyOf(found);
    }

    /** The first word of a name ({@code "María García"} → {@code "María"}), or null. */
    public static String firstWord(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+", 2)[0];
    }

    /**
     * A body filled for a conversation.
     *
     * @param missing the variables without a value, each left as a marker in {@code text}
     */
    public record Filled(String text, List<String> missing) {
    }
}
