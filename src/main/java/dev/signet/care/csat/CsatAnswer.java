package dev.signet.care.csat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a customer's answer to a satisfaction question: a score from 1 to 5 ({@code 4}, {@code 4/5},
 * {@code 4 out of 5}, {@code 4 stars}, {@code ⭐⭐⭐⭐}, {@code four}), optionally followed by a comment
 * ({@code "2 - still no refund"}), or free text without a score. A rating outside 1–5 ({@code 7}, {@code 8/10},
 * {@code 4.5}) is unreadable: no score is stored from it. Mentions and links are ignored.
 */
public record CsatAnswer(Kind kind, Integer score, String comment) {

    public enum Kind {
        /** Nothing to read (empty, or only mentions and links): not an answer. */
        NONE,
        /** A score, with or without a comment. */
        SCORE,
        /** Words without a score. */
        FREE_TEXT,
        /** Looks like a rating but not one from 1 to 5. */
        UNREADABLE
    }

    private static final int MAX_COMMENT = 1000;
    private static final Pattern MENTION_OR_LINK = Pattern.compile("(?:@\\w+)|(?:https?://\\S+)");
    private static final Pattern STARS = Pattern.compile("^([⭐★]\\uFE0F?\\s*)+");
    // A number (maybe decimal), maybe "/N" or "out of N" or "of N", maybe "stars".
    private static final Pattern NUMBER = Pattern.compile(
            "^(\\d{1,3})([.,]\\d+)?\\s*(?:(?:/|out of|of)\\s*(\\d{1,3}))?\\s*(?:stars?\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5);
    private static final Pattern WORD = Pattern.compile("^(one|two|three|four|five)\\b\\s*(?:(?:/|out of|of)\\s*(?:5|five)\\b)?\\s*(?:stars?\\b)?",
            Pattern.CASE_INSENSITIVE);
    /** "2 days and still no refund" is not a score of 2. */
    private static final Set<String> UNITS = Set.of("day", "days", "hour", "hours", "h", "min", "mins", "minutes",
            "week", "weeks", "month", "months", "time", "times", "bag", "bags", "euro", "euros", "dollar", "dollars",
            "calls", "emails", "people", "flights", "am", "pm", "x");

    public static CsatAnswer parse(String text) {
        String cleaned = text == null ? "" : MENTION_OR_LINK.matcher(text).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return new CsatAnswer(Kind.NONE, null, null);
        }
        Matcher stars = STARS.matcher(cleaned);
        if (stars.find()) {
            long count = stars.group().codePoints().filter(c -> c == '⭐' || c == '★').count();
            String rest = cleaned.substring(stars.end());
            return count <= 5 ? score((int) count, rest) : unreadable(cleaned, rest);
        }
        Matcher number = NUMBER.matcher(cleaned);
        if (number.find()) {
            int end = number.end();
            while (end > 0 && Character.isWhitespace(cleaned.charAt(end - 1))) {
                end--; // the space before a comment belongs to the comment ("5 thanks")
            }
            String rest = cleaned.substring(end);
            if (!startsComment(rest)) {
                return freeText(cleaned);
            }
            int value = Integer.parseInt(number.group(1));
            String outOf = number.group(3);
            boolean valid = number.group(2) == null && value >= 1 && value <= 5 && (outOf == null || outOf.equals("5"));
            return valid ? score(value, rest) : unreadable(cleaned, rest);
        }
        Matcher word = WORD.matcher(cleaned);
        // A number word only on its own ("one more thing: …" is not a score of 1).
        if (word.find() && comment(cleaned.substring(word.end())) == null) {
            return score(WORDS.get(word.group(1).toLowerCase(Locale.ROOT)), cleaned.substring(word.end()));
        }
        return freeText(cleaned);
    }

    /** Whether the answer stands alone, without words beyond the score. */
    public boolean scoreOnly() {
        return kind == Kind.SCORE && comment == null;
    }

    /** What follows a score: nothing, punctuation, or words that are not a unit ("2 days" is not a score). */
    private static boolean startsComment(String rest) {
        if (rest.isBlank()) {
            return true;
        }
        if (!Character.isWhitespace(rest.charAt(0)) && Character.isLetterOrDigit(rest.charAt(0))) {
            return false;
        }
        String firstWord = rest.strip().split("[\\s.,!?;:]+", 2)[0].toLowerCase(Locale.ROOT);
        return !UNITS.contains(firstWord) && !(firstWord.length() > 0 && Character.isDigit(firstWord.charAt(0)));
    }

    private static CsatAnswer score(int score, String rest) {
        return new CsatAnswer(Kind.SCORE, score, comment(rest));
    }

    private static CsatAnswer unreadable(String cleaned, String rest) {
        // "7" alone is a rating we can't use; "7 hours on hold!" with words after it is a message.
        return comment(rest) == null ? new CsatAnswer(Kind.UNREADABLE, null, null) : freeText(cleaned);
    }

    private static CsatAnswer freeText(String cleaned) {
        return new CsatAnswer(Kind.FREE_TEXT, null, comment(cleaned));
    }

    /** The words of a comment, without the separators left over from the score; null when there are none. */
    private static String comment(String rest) {
        String c = rest.replaceFirst("^[\\s\\p{Punct}–—]+", "").strip();
        if (c.isEmpty() || c.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return null;
        }
        return c.length() > MAX_COMMENT ? c.substring(0, MAX_COMMENT - 1) + "…" : c;
    }
}
