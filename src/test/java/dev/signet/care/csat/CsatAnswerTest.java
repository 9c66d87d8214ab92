package dev.signet.care.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsatAnswerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4|4", "@SignetTestAir 4|4", "@SignetTestMobileV2 5|5", "4/5|4", "4 / 5|4", "5 out of 5|5", "1 of 5|1", "3 stars|3", "2!|2",
            "⭐⭐⭐⭐|4", "⭐️⭐️⭐️⭐️⭐️|5", "★★|2", "four|4", "Five stars|5", "one.|1", "  3  |3" })
    void aScoreAloneIsReadInManyForms(String text, int score) {
        CsatAnswer answer = CsatAnswer.parse(text);
        assertEquals(CsatAnswer.Kind.SCORE, answer.kind(), text);
        assertEquals(score, answer.score(), text);
        assertTrue(answer.scoreOnly(), text);
        assertFalse(CsatService.reopens(answer), text);
    }

    @Test
    void aScoreWithACommentKeepsBoth() {
        CsatAnswer low = CsatAnswer.parse("@SignetTestAir 2 - my refund still hasn't arrived");
        assertEquals(CsatAnswer.Kind.SCORE, low.kind());
        assertEquals(2, low.score());
        assertEquals("my refund still hasn't arrived", low.comment());
        assertTrue(CsatService.reopens(low), "a low score with words may be a complaint");

        CsatAnswer praise = CsatAnswer.parse("5 thanks, Maria was great!");
        assertEquals(5, praise.score());
        assertEquals("thanks, Maria was great!", praise.comment());
        assertFalse(CsatService.reopens(praise), "praise is feedback, not a new request");

        CsatAnswer stars = CsatAnswer.parse("⭐⭐⭐ ok I guess");
        assertEquals(3, stars.score());
        assertEquals("ok I guess", stars.comment());
    }

    @ParameterizedTest
    @ValueSource(strings = { "7", "0", "10/10", "8/10", "4.5", "6/5", "⭐⭐⭐⭐⭐⭐" })
    void aRatingOutsideOneToFiveIsUnreadableAndStoresNoScore(String text) {
        CsatAnswer answer = CsatAnswer.parse(text);
        assertEquals(CsatAnswer.Kind.UNREADABLE, answer.kind(), text);
        assertNull(answer.score());
        assertFalse(CsatService.reopens(answer), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "@SignetTestAir", "https://t.co/abc" })
    void emptyIsNoAnswer(String text) {
        assertEquals(CsatAnswer.Kind.NONE, CsatAnswer.parse(text).kind());
        assertEquals(CsatAnswer.Kind.NONE, CsatAnswer.parse(null).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = { "2 days and still no refund", "45 minutes on hold", "one more thing: my bag is torn",
            "still waiting for my refund", "7 hours at the gate!", "I'd say 4" })
    void wordsAreFreeTextNotAScore(String text) {
        CsatAnswer answer = CsatAnswer.parse(text);
        assertEquals(CsatAnswer.Kind.FREE_TEXT, answer.kind(), text);
        assertNull(answer.score(), text);
        assertEquals(text, answer.comment());
        assertTrue(CsatService.reopens(answer), text);
    }
}
