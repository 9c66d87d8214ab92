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

    private ReplyLength() {
    }

    public static int limit(ConversationKind kind) {
        return kind == ConversationKind.DM ? DM_LIMIT : POST_LIMIT;
    }

    public static int measure(String signedText, ConversationKind kind) {
        if (kind == ConversationKind.DM) {
            return signedText.codePointCount(0, signedText.length());
        }
        TwitterTextParseResults result = TwitterTextParser.parseTweet(signedText);
        return result.weightedLength;
    }
}
