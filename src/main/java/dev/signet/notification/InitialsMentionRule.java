package dev.signet.notification;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the @initials in a note. A mention is {@code @} followed by 2 to 4 letters — the shape of a team member's
 * initials — standing alone: not glued to a word before it (an email address), nor followed by a letter, digit or
 * underscore (so {@code @AcmeAir}, {@code @zoe_adams} or {@code @bob2} are X handles, not mentions). Case does not
 * matter; the initials come back upper-case, each once, in order of appearance. Whether they belong to someone is
 * the caller's question.
 */
public final class InitialsMentionRule {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@])@(\\p{Alpha}{2,4})(?![\\p{L}\\p{N}_])");

    private InitialsMentionRule() {
    }

    public static Set<String> initialsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        return found;
    }
}
