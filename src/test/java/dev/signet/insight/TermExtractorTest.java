package dev.signet.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TermExtractorTest {

    private final TermExtractor extractor = new TermExtractor();

    private List<String> texts(String message) {
        return extractor.terms(message).stream().map(Term::text).toList();
    }

    @Test
    void hashtagsComeFirstLowerCasedAndWordsWithoutStopWords() {
        List<Term> terms = extractor.terms("@AcmeAir My BAG is lost again!! #LostLuggage #Delayed");
        assertEquals(List.of(new Term("#lostluggage", true), new Term("#delayed", true), new Term("bag", false),
                new Term("lost", false)), terms);
    }

    @Test
    void mentionsUrlsNumbersAndShortWordsAreNotTerms() {
        assertEquals(List.of("refund", "flight"),
                texts("@AcmeAir @zoe refund for flight 1234 pls https://example.com/x?a=1 ok"));
    }

    @Test
    void eachTermCountsOncePerMessageAndPossessivesAreTrimmed() {
        assertEquals(List.of("app", "crashes"), texts("The app's app crashes, app APP crashes"));
    }

    @Test
    void emptyAndBlankTextHaveNoTerms() {
        assertEquals(List.of(), texts(null));
        assertEquals(List.of(), texts("   "));
        assertEquals(List.of(), texts("the and you @AcmeAir"));
    }

    @Test
    void aLongMessageCountsAtMostTwentyTermsAndHostileTextIsJustWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        assertEquals(TermExtractor.MAX_TERMS_PER_MESSAGE, extractor.terms(text.toString()).size());
        List<String> hostile = texts("<script>alert(1)</script> =cmd");
        assertTrue(hostile.containsAll(List.of("script", "alert", "cmd")), hostile.toString());
    }
}
