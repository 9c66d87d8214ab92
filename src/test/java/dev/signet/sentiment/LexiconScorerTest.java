package dev.signet.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lexicon baseline's rules: valences, negation, intensifiers, capitals, elongation, emoji; sarcasm fails. */
class LexiconScorerTest {

    private static double compound(String text) {
        return LexiconScorer.score(text).compound();
    }

    @Test
    void plainWordsGiveTheirSide() {
        assertEquals(Sentiment.POSITIVE, LexiconScorer.score("Thanks, the crew was great").sentiment());
        assertEquals(Sentiment.NEGATIVE, LexiconScorer.score("Worst flight ever, rude staff").sentiment());
        assertEquals(Sentiment.NEUTRAL, LexiconScorer.score("What time does flight 42 board?").sentiment());
        assertEquals(Sentiment.NEUTRAL, LexiconScorer.score("").sentiment());
    }

    @Test
    void negationFlipsAndDampsTheNextWords() {
        assertEquals(Sentiment.NEGATIVE, LexiconScorer.score("The service was not good").sentiment());
        assertEquals(Sentiment.POSITIVE, LexiconScorer.score("honestly not bad at all").sentiment());
        assertEquals(Sentiment.NEGATIVE, LexiconScorer.score("I don't love this").sentiment());
        assertTrue(Math.abs(compound("not good")) < Math.abs(compound("good")), "negation damps");
    }

    @Test
    void intensifiersAndCapitalsStrengthenDampenersWeaken() {
        assertTrue(compound("very good") > compound("good"));
        assertTrue(compound("slightly good") < compound("good"));
        assertTrue(compound("this is GREAT today") > compound("this is great today"));
        assertTrue(compound("terrible!!!") < compound("terrible"));
    }

    @Test
    void elongatedWordsAreReadAndEmphasised() {
        assertEquals(Sentiment.POSITIVE, LexiconScorer.score("sooo goooood").sentiment());
        assertTrue(compound("goooood") > compound("good"));
        assertEquals(Sentiment.NEGATIVE, LexiconScorer.score("ugggghhh").sentiment());
    }

    @Test
    void emojiAndEmoticonsCarrySentiment() {
        assertEquals(Sentiment.POSITIVE, LexiconScorer.score("landed \uD83D\uDE0D").sentiment());
        assertEquals(Sentiment.NEGATIVE, LexiconScorer.score("still on the tarmac \uD83D\uDE21").sentiment());
        assertEquals(Sentiment.POSITIVE, LexiconScorer.score("on my way :)").sentiment());
        assertEquals(Sentiment.NEGATIVE, LexiconScorer.score("bag missing :(").sentiment());
    }

    @Test
    void whatFollowsButCountsMore() {
        assertEquals(Sentiment.NEGATIVE, LexiconScorer.score("The seats were nice but the delay was horrible").sentiment());
    }

    /** KNOWN FAILURE, kept visible: a lexicon reads sarcasm literally. The embedding model is what handles it. */
    @Test
    void sarcasmIsAKnownFailure() {
        LexiconScorer.Score sarcastic = LexiconScorer.score("Great, another 3 hour delay. Thanks a lot");
        assertNotEquals(Sentiment.NEGATIVE, sarcastic.sentiment(),
                "if this starts passing as negative, the lexicon learned sarcasm: update the README");
    }
}
