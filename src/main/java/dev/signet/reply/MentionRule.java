package dev.signet.reply;

import com.twitter.twittertext.Extractor;

/**
 * Whether a post mentions a handle, as X counts mentions (twitter-text's extractor: "@handle" at a word
 * boundary, case-insensitive; an e-mail address or "@handle" inside a word is not a mention). X API v2 lets a
 * self-serve account reply publicly only to posts that mention (or quote) it.
 */
final class MentionRule {

    private MentionRule() {
    }

    static boolean mentions(String text, String handle) {
        if (text == null || handle == null) {
            return false;
        }
        // A new Extractor per call: it holds a mutable setting and is not meant to be shared across threads.
        return new Extractor().extractMentionedScreennames(text).stream().anyMatch(handle::equalsIgnoreCase);
    }
}
