package dev.signet.insight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.twitter.twittertext.Extractor;

/**
 * The hashtags and terms of a customer's message, for the top-terms roll-up. Hashtags, @mentions and URLs are
 * found by twitter-text (X's own rules); the rest is split into words, lower-cased, and stop words, numbers
 * and very short words are dropped. Written here rather than taken from a search library (Lucene's analyzers):
 * this is all the analysis the roll-up needs, and it keeps a 10 MB dependency out of the jar.
 */
public final class TermExtractor {

    /** At most this many terms are counted per message (a long DM should not dominate a day). */
    static final int MAX_TERMS_PER_MESSAGE = 20;
    static final int MAX_TERM_LENGTH = 64;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*");

    /** English function words and the filler of care conversations (greetings, "please", "thanks"). */
    static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "your", "yours", "with", "this", "that", "these",
            "those", "was", "were", "has", "have", "had", "having", "been", "being", "from", "they", "them", "their",
            "theirs", "there", "here", "what", "which", "who", "whom", "when", "where", "why", "how", "all", "any",
            "both", "each", "few", "more", "most", "other", "some", "such", "nor", "only", "own", "same", "than",
            "too", "very", "can", "will", "just", "don't", "dont", "should", "now", "our", "ours", "out", "off",
            "over", "under", "again", "further", "then", "once", "about", "against", "between", "into", "through",
            "during", "before", "after", "above", "below", "its", "it's", "his", "her", "hers", "him", "she", "he",
            "i'm", "im", "i've", "ive", "i'd", "i'll", "you're", "youre", "we're", "can't", "cant", "won't", "isn't",
            "aren't", "wasn't", "didn't", "doesn't", "does", "did", "doing", "would", "could", "might", "must",
            "shall", "may", "also", "got", "get", "gets", "getting", "still", "yet", "even", "because", "while",
            "until", "since", "upon", "onto", "ever", "never", "one", "two", "let", "lets", "let's", "via",
            "myself", "yourself", "itself", "ourselves", "himself", "herself", "themselves", "something", "anything",
            "nothing", "everything", "someone", "anyone", "everyone", "please", "pls", "plz", "thanks", "thank", "thx", "hello",
            "hey", "dear", "hii", "yes", "okay", "really", "much", "many", "lot", "way", "like", "know", "going",
            "want", "need", "make", "made", "say", "said", "see", "seen", "take", "took", "come", "came", "back",
            "today", "tomorrow", "yesterday", "day", "days", "time", "amp", "rt", "lol", "omg", "ok");

    private final Extractor extractor = new Extractor();

    /** The distinct hashtags (with '#') then terms of the text, in order of appearance. */
    public List<Term> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<Term> terms = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(text);
        List<Extractor.Entity> entities = extractor.extractEntitiesWithIndices(text);
        for (Extractor.Entity entity : entities) {
            if (entity.getType() == Extractor.Entity.Type.HASHTAG) {
                add(terms, "#" + entity.getValue().toLowerCase(Locale.ROOT), true);
            }
            // Hashtags, @mentions (the brand's own handle above all), URLs and cashtags are not words.
            for (int i = entity.getStart(); i < entity.getEnd() && i < rest.length(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher words = WORD.matcher(rest);
        while (words.find() && terms.size() < MAX_TERMS_PER_MESSAGE) {
            String word = words.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            word = trimPunctuation(word);
            if (word.length() >= 3 && !STOP_WORDS.contains(word) && !isNumber(word)) {
                add(terms, word, false);
            }
        }
        return new ArrayList<>(terms).subList(0, Math.min(terms.size(), MAX_TERMS_PER_MESSAGE));
    }

    private static void add(Set<Term> terms, String text, boolean hashtag) {
        if (text.length() <= MAX_TERM_LENGTH && text.length() > (hashtag ? 1 : 0)) {
            terms.add(new Term(text, hashtag));
        }
    }

    private static String trimPunctuation(String word) {
        int end = word.length();
        while (end > 0 && "'-_".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        String trimmed = word.substring(0, end);
        return trimmed.endsWith("'s") ? trimmed.substring(0, trimmed.length() - 2) : trimmed;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '_' || c == '\'');
    }
}
