package dev.signet.sandbox;

import java.text.Normalizer;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * X's text rules, through twitter-text (the library X itself published): NFC normalisation, the weighted
 * length limit of 280, and where the @mentions and #hashtags are. Indices are in code points, as X gives them.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class XText {

    /** A @handle or #hashtag in a text: the name without its sign, and its [start, end) code point indices. */
    public record Span(String value, int start, int end) {
    }

    public String normalize(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Whether the text fits in a post, by X's weighted length (URLs 23, CJK and emoji 2). */
    public boolean fitsInTweet(String text) {
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(text);
        return parsed.isValid;
    }

    public int codePointLength(String text) {
        return text.codePointCount(0, text.length());
    }

    public List<Span> mentions(String text) {
        // A new Extractor per call: it is cheap and carries a mutable setting, so it is not shared across threads.
        Extractor extractor = new Extractor();
        List<Extractor.Entity> entities = extractor.extractMentionedScreennamesWithIndices(text);
        extractor.modifyIndicesFromUTF16ToUnicode(text, entities);
        return entities.stream().map(e -> new Span(e.getValue(), e.getStart(), e.getEnd())).toList();
    }

    public List<Span> hashtags(String text) {
        Extractor extractor = new Extractor();
        List<Extractor.Entity> entities = extractor.extractHashtagsWithIndices(text);
        extractor.modifyIndicesFromUTF16ToUnicode(text, entities);
        return entities.stream().map(e -> new Span(e.getValue(), e.getStart(), e.getEnd())).toList();
    }

    public boolean mentionsHandle(String text, String handle) {
        return mentions(text).stream().anyMatch(span -> span.value().equalsIgnoreCase(handle));
    }
}
