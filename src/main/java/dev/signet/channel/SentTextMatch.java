package dev.signet.channel;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whether a post or DM found on the network carries the text Signet sent. X changes a text on the way: it
 * normalises it to NFC, puts the reply metadata ({@code @handle }) in front of a reply, escapes {@code & < >} in
 * v1.1 JSON, and replaces every URL with a t.co link. Both sides are brought to the same form before comparing:
 * NFC, HTML entities of v1.1 undone, leading {@code @mentions} dropped, URLs replaced by one placeholder,
 * whitespace collapsed.
 */
public final class SentTextMatch {

    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:\\s*@\\w{1,15})+\\s+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SentTextMatch() {
    }

    public static boolean sameText(String sent, String found) {
        if (sent == null || found == null) {
            return false;
        }
        String ours = comparable(sent);
        return !ours.isEmpty() && ours.equals(comparable(found));
    }

    static String comparable(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        normalized = LEADING_MENTIONS.matcher(normalized).replaceFirst("");
        normalized = URL.matcher(normalized).replaceAll("<url>");
        return SPACES.matcher(normalized).replaceAll(" ").strip();
    }
}
