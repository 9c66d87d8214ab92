package dev.signet.reply;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;

import dev.signet.care.ConversationKind;

/**
 * X's length rules, counted on the signed text: a public post is measured by twitter-text's weighted length
 * (280; URLs count 23, CJK and emoji 2), a DM by characters (10,000).
 */
public final class ReplyLength {

    public static final int POST_LIMIT = 280;
    public static final int DM_LIMIT = 10_000;
    /**
     * Past this many chars a text is over any limit whatever it holds (a URL counts 23 however long, but X takes
     * none this long), so it is not parsed: twitter-text took 6 s on 2 MB and minutes on 20 MB.
     */
    static final int PARSE_LIMIT = 10 * DM_LIMIT;

    private ReplyLength() {
    }

    public static int limit(ConversationKind kind) {
        return kind == ConversationKind.DM ? DM_LIMIT : POST_LIMIT;
    }

    public static int measure(String signedText, ConversationKind kind) {
        if (signedText.length() > PARSE_LIMIT) {
            return signedText.length();
        }
        if (kind == ConversationKind.DM) {
            return signedText.codePointCount(0, signedText.length());
        }
        TwitterTextParseResults result = TwitterTextParser.parseTweet(signedText);
        return result.weightedLength;
    }
}
