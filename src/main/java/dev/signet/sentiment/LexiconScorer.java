package dev.signet.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VADER-style lexicon scorer: the baseline the sentiment model is measured against. Word valences (−4..+4),
 * negation (flips and damps the next three words' valence), intensifiers ("very", "so"; "slightly" damps),
 * words in capitals among lower-case ones, elongation ("sooo goooood" reads as "so good", emphasised),
 * exclamation marks, emoji and emoticons, and "but" (what follows counts more). Compound score in −1..1 as VADER
 * normalizes it; ±0.05 separates neutral.
 * <p>
 * Written here because the only Java VADER port on Maven Central is unmaintained and ships VADER's MIT-licensed
 * lexicon of 7,500 entries we would have to vet; this baseline needs only a small, readable list, written by the
 * Signet team. Known failure: sarcasm ("great, another delay") reads as positive.
 */
public final class LexiconScorer {

    /** The three-way label, the compound score and how much positive and negative valence was found. */
    public record Score(Sentiment sentiment, double compound, double positive, double negative) {
    }

    private static final double NEGATION_FACTOR = -0.74;
    private static final double BOOST = 0.293;
    private static final double CAPS_BOOST = 0.733;
    private static final double ELONGATION_BOOST = 0.293;
    private static final double THRESHOLD = 0.05;

    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z']+|[:;=8xX][-o^']?[()\\[\\]dDpP/\\\\|*3]+|<3|</3|\\p{So}|\\p{Cs}{2}|!+|\\?+");
    private static final Pattern ELONGATED = Pattern.compile("([a-z])\\1{2,}");

    private static final Map<String, Double> WORDS = Map.ofEntries(
            // positive
            Map.entry("good", 1.9), Map.entry("great", 3.1), Map.entry("excellent", 3.2), Map.entry("amazing", 2.8),
            Map.entry("awesome", 3.1), Map.entry("love", 3.2), Map.entry("loved", 2.9), Map.entry("loves", 2.7),
            Map.entry("like", 1.5), Map.entry("liked", 1.8), Map.entry("nice", 1.8), Map.entry("happy", 2.7),
            Map.entry("glad", 2.0), Map.entry("thanks", 1.9), Map.entry("thank", 1.5), Map.entry("thx", 1.5),
            Map.entry("appreciate", 2.3), Map.entry("appreciated", 2.3), Map.entry("best", 3.2), Map.entry("better", 1.9),
            Map.entry("wonderful", 2.7), Map.entry("fantastic", 2.6), Map.entry("perfect", 2.7), Map.entry("helpful", 1.9),
            Map.entry("friendly", 2.2), Map.entry("kind", 2.2), Map.entry("easy", 1.9), Map.entry("fast", 1.2),
            Map.entry("quick", 1.2), Map.entry("smooth", 1.4), Map.entry("comfortable", 1.5), Map.entry("pleasant", 2.3),
            Map.entry("enjoy", 2.2), Map.entry("enjoyed", 2.3), Map.entry("fun", 2.3), Map.entry("cool", 1.3),
            Map.entry("beautiful", 2.9), Map.entry("brilliant", 2.8), Map.entry("superb", 3.1), Map.entry("win", 2.8),
            Map.entry("yay", 2.4), Map.entry("wow", 2.8), Map.entry("lol", 1.8), Map.entry("haha", 2.0),
            Map.entry("excited", 1.4), Map.entry("exciting", 2.2), Map.entry("impressed", 2.2), Map.entry("recommend", 1.5),
            Map.entry("favorite", 2.0), Map.entry("favourite", 2.0), Map.entry("sweet", 2.0), Map.entry("resolved", 1.2),
            Map.entry("fixed", 1.0), Map.entry("worth", 0.9), Map.entry("well", 1.1), Map.entry("grateful", 2.0),
            Map.entry("hope", 1.9), Map.entry("welcome", 2.0), Map.entry("safe", 1.9), Map.entry("super", 2.9),
            Map.entry("ok", 0.9), Map.entry("okay", 0.9), Map.entry("fine", 0.8), Map.entry("pleased", 1.9),
            // negative
            Map.entry("bad", -2.5), Map.entry("terrible", -2.1), Map.entry("horrible", -2.5), Map.entry("awful", -2.0),
            Map.entry("worst", -3.1), Map.entry("worse", -2.1), Map.entry("hate", -2.7), Map.entry("hated", -3.2),
            Map.entry("poor", -2.1), Map.entry("rude", -2.0), Map.entry("angry", -2.3), Map.entry("annoyed", -1.6),
            Map.entry("annoying", -1.7), Map.entry("disappointed", -1.9), Map.entry("disappointing", -2.2),
            Map.entry("frustrated", -2.4), Map.entry("frustrating", -1.9), Map.entry("unacceptable", -2.0),
            Map.entry("useless", -1.8), Map.entry("broken", -1.9), Map.entry("fail", -2.5), Map.entry("failed", -2.3),
            Map.entry("fails", -2.0), Map.entry("problem", -1.7), Map.entry("problems", -1.7), Map.entry("issue", -0.9),
            Map.entry("issues", -0.9), Map.entry("delay", -1.3), Map.entry("delayed", -1.4), Map.entry("delays", -1.3),
            Map.entry("cancelled", -1.2), Map.entry("canceled", -1.2), Map.entry("lost", -1.3), Map.entry("stuck", -1.4),
            Map.entry("waiting", -0.6), Map.entry("wait", -0.5), Map.entry("late", -0.8), Map.entry("sad", -2.1),
            Map.entry("sorry", -0.3), Map.entry("sucks", -1.5), Map.entry("suck", -1.5), Map.entry("crap", -1.6),
            Map.entry("ridiculous", -2.1), Map.entry("pathetic", -2.3), Map.entry("joke", -0.6), Map.entry("never", -0.4),
            Map.entry("nightmare", -2.5), Map.entry("disgusting", -2.4), Map.entry("shame", -2.1), Map.entry("wrong", -2.1),
            Map.entry("mess", -1.5), Map.entry("upset", -1.6), Map.entry("furious", -2.7), Map.entry("ugh", -1.8),
            Map.entry("wtf", -2.8), Map.entry("damn", -1.7), Map.entry("hell", -2.2), Map.entry("complaint", -1.5),
            Map.entry("refund", -0.5), Map.entry("missed", -1.2), Map.entry("miss", -0.6), Map.entry("dirty", -1.9),
            Map.entry("slow", -1.1), Map.entry("expensive", -0.9), Map.entry("ruined", -2.4), Map.entry("scam", -2.5),
            Map.entry("hours", -0.3), Map.entry("unhelpful", -1.9), Map.entry("incompetent", -2.4), Map.entry("fuck", -2.5),
            Map.entry("shit", -2.6), Map.entry("tired", -1.9), Map.entry("hurt", -2.4), Map.entry("ignore", -1.3),
            Map.entry("ignored", -1.5), Map.entry("lie", -1.6), Map.entry("lied", -1.6), Map.entry("stupid", -2.4),
            Map.entry("trouble", -1.7), Map.entry("error", -1.4), Map.entry("down", -0.6), Map.entry("hold", -0.2));

    /** Emoji and emoticons with their valence. */
    private static final Map<String, Double> EMOJI = Map.ofEntries(
            Map.entry("\uD83D\uDE00", 2.2), Map.entry("\uD83D\uDE03", 2.2), Map.entry("\uD83D\uDE0A", 2.2),
            Map.entry("\uD83D\uDE0D", 2.9), Map.entry("\uD83D\uDE02", 1.5), Map.entry("\uD83D\uDC4D", 2.0),
            Map.entry("\uD83D\uDE4F", 1.5), Map.entry("\u2764", 2.9), Map.entry("\uD83D\uDC99", 2.5),
            Map.entry("\uD83C\uDF89", 2.5), Map.entry("\uD83D\uDE09", 1.6), Map.entry("\u263A", 2.0),
            Map.entry("\uD83D\uDE22", -2.1), Map.entry("\uD83D\uDE2D", -2.2), Map.entry("\uD83D\uDE21", -2.9),
            Map.entry("\uD83D\uDE20", -2.5), Map.entry("\uD83D\uDE24", -2.2), Map.entry("\uD83D\uDC4E", -2.0),
            Map.entry("\uD83D\uDE12", -1.8), Map.entry("\uD83D\uDE1E", -2.0), Map.entry("\uD83D\uDE29", -2.0),
            Map.entry("\uD83D\uDE2B", -2.0), Map.entry("\uD83D\uDE11", -1.0), Map.entry("\uD83D\uDE44", -1.3),
            Map.entry("\uD83E\uDD2C", -3.0), Map.entry("\uD83D\uDC94", -2.5),
            Map.entry(":)", 2.0), Map.entry(":-)", 2.0), Map.entry(":d", 2.3), Map.entry(":-d", 2.3), Map.entry(";)", 1.6),
            Map.entry(";-)", 1.6), Map.entry("=)", 2.0), Map.entry(":p", 1.2), Map.entry("<3", 2.9),
            Map.entry(":(", -1.9), Map.entry(":-(", -1.9), Map.entry(":'(", -2.2), Map.entry("=(", -1.9),
            Map.entry(":/", -1.2), Map.entry(":-/", -1.2), Map.entry("</3", -2.5));

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "nobody", "none", "neither",
            "nor", "cannot", "cant", "can't", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't",
            "wasnt", "wasn't", "arent", "aren't", "werent", "weren't", "wont", "won't", "wouldnt", "wouldn't",
            "shouldnt", "shouldn't", "couldnt", "couldn't", "hasnt", "hasn't", "havent", "haven't", "aint", "ain't",
            "without");

    private static final Map<String, Double> INTENSIFIERS = Map.ofEntries(
            Map.entry("very", BOOST), Map.entry("so", BOOST), Map.entry("really", BOOST), Map.entry("extremely", BOOST),
            Map.entry("absolutely", BOOST), Map.entry("totally", BOOST), Map.entry("completely", BOOST),
            Map.entry("incredibly", BOOST), Map.entry("super", BOOST), Map.entry("too", BOOST), Map.entry("most", BOOST),
            Map.entry("utterly", BOOST), Map.entry("seriously", BOOST), Map.entry("truly", BOOST),
            Map.entry("slightly", -BOOST), Map.entry("somewhat", -BOOST), Map.entry("kinda", -BOOST),
            Map.entry("barely", -BOOST), Map.entry("little", -BOOST), Map.entry("bit", -BOOST));

    private LexiconScorer() {
    }

    public static Score score(String text) {
        List<String> raw = tokens(text == null ? "" : text);
        boolean mixedCase = raw.stream().anyMatch(t -> isWord(t) && !t.equals(t.toUpperCase(Locale.ROOT)));
        List<Double> valences = new ArrayList<>();
        int butAt = -1;
        int exclamations = 0;
        List<String> words = new ArrayList<>();
        for (String token : raw) {
            if (token.startsWith("!")) {
                exclamations += token.length();
                continue;
            }
            if (token.startsWith("?")) {
                continue;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            boolean elongated = ELONGATED.matcher(lower).find();
            String word = elongated ? deElongate(lower) : lower;
            Double valence = EMOJI.get(lower);
            if (valence == null && isWord(token)) {
                valence = WORDS.get(word);
                if (valence == null && elongated) {
                    valence = WORDS.get(ELONGATED.matcher(lower).replaceAll("$1"));
                }
            }
            int index = words.size();
            words.add(word);
            if ("but".equals(word)) {
                butAt = index;
            }
            if (valence == null || (INTENSIFIERS.containsKey(word) && !"super".equals(word))) {
                valences.add(0.0);
                continue;
            }
            double v = valence;
            if (isWord(token) && mixedCase && token.length() > 1 && token.equals(token.toUpperCase(Locale.ROOT))) {
                v += Math.signum(v) * CAPS_BOOST;
            }
            if (elongated) {
                v += Math.signum(v) * ELONGATION_BOOST;
            }
            boolean negated = false;
            for (int back = 1; back <= 3 && index - back >= 0; back++) {
                String before = words.get(index - back);
                Double boost = INTENSIFIERS.get(before);
                if (boost != null) {
                    double damp = back == 1 ? 1 : back == 2 ? 0.95 : 0.9;
                    v += Math.signum(v) * boost * damp;
                }
                if (NEGATIONS.contains(before) || before.endsWith("n't")) {
                    negated = true;
                }
            }
            if (negated) {
                v *= NEGATION_FACTOR;
            }
            valences.add(v);
        }
        if (butAt >= 0) {
            for (int i = 0; i < valences.size(); i++) {
                valences.set(i, valences.get(i) * (i < butAt ? 0.5 : i > butAt ? 1.5 : 1));
            }
        }
        double sum = 0;
        double positive = 0;
        double negative = 0;
        for (double v : valences) {
            sum += v;
            if (v > 0) {
                positive += v;
            } else {
                negative -= v;
            }
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(4, exclamations) * 0.292;
        }
        double compound = sum / Math.sqrt(sum * sum + 15);
        Sentiment sentiment = compound >= THRESHOLD ? Sentiment.POSITIVE
                : compound <= -THRESHOLD ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        return new Score(sentiment, compound, positive, negative);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static boolean isWord(String token) {
        return Character.isLetter(token.charAt(0)) && token.chars().allMatch(c -> Character.isLetter(c) || c == '\'');
    }

    /** "sooo" → "so", "goooood" → "good": letters repeated three times or more kept twice, then once if unknown. */
    private static String deElongate(String word) {
        String twice = ELONGATED.matcher(word).replaceAll("$1$1");
        if (WORDS.containsKey(twice) || INTENSIFIERS.containsKey(twice) || NEGATIONS.contains(twice)) {
            return twice;
        }
        return ELONGATED.matcher(word).replaceAll("$1");
    }
}
