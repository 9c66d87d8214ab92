package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SentTextMatchTest {

    @Test
    void theSameTextMatches() {
        assertTrue(SentTextMatch.sameText("Sorry about that! ^MD", "Sorry about that! ^MD"));
    }

    @Test
    void xsReplyMetadataInFrontIsIgnored() {
        assertTrue(SentTextMatch.sameText("Sorry about that! ^MD", "@casey Sorry about that! ^MD"));
        assertTrue(SentTextMatch.sameText("Sorry about that! ^MD", "@casey @acme_help Sorry about that! ^MD"));
    }

    @Test
    void v1EscapesAndNfcAndTcoLinksAreUndone() {
        assertTrue(SentTextMatch.sameText("Fees & taxes <here> ^MD", "Fees &amp; taxes &lt;here&gt; ^MD"));
        assertTrue(SentTextMatch.sameText("Cafe\u0301 ^MD", "Caf\u00e9 ^MD"));
        assertTrue(SentTextMatch.sameText("See https://acme.example/refunds?id=7 ^MD", "See https://t.co/AbC123xyz ^MD"));
    }

    @Test
    void anotherTextDoesNotMatch() {
        assertFalse(SentTextMatch.sameText("Sorry about that! ^MD", "Sorry about that! ^JK"));
        assertFalse(SentTextMatch.sameText("Sorry about that! ^MD", "Sorry about this! ^MD"));
        assertFalse(SentTextMatch.sameText("Reply 1 ^MD", "Reply 11 ^MD"));
    }

    @Test
    void emptyOrMissingTextsNeverMatch() {
        assertFalse(SentTextMatch.sameText("", ""));
        assertFalse(SentTextMatch.sameText(null, "x"));
        assertFalse(SentTextMatch.sameText("x", null));
    }
}
