package dev.signet.sentiment;

import java.util.regex.Pattern;

/**
 * Prepares a post for the sentiment model: the same text form in training and at run time. Handles and links
 * carry no sentiment but differ between brands and datasets, so they become placeholders; HTML entities that
 * some sources keep are decoded.
 */
public final class TweetText {

    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{1,15}");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TweetText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace('\u2019', '\'');
        t = LINK.matcher(t).replaceAll("http");
        t = HANDLE.matcher(t).replaceAll("@user");
        return SPACES.matcher(t).replaceAll(" ").trim();
    }
}
