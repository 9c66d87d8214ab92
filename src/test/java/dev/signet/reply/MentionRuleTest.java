package dev.signet.reply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MentionRuleTest {

    @Test
    void aMentionAnywhereInThePostCountsWhateverTheCase() {
        assertTrue(MentionRule.mentions("@AcmeAir my bag is lost", "AcmeAir"));
        assertTrue(MentionRule.mentions("my bag is lost, @acmeair help!", "AcmeAir"));
        assertTrue(MentionRule.mentions("@someone @AcmeAir thanks", "AcmeAir"));
    }

    @Test
    void noMentionOrALookalikeDoesNotCount() {
        assertFalse(MentionRule.mentions("my bag is lost", "AcmeAir"));
        assertFalse(MentionRule.mentions("mail care@AcmeAir.com", "AcmeAir"));
        assertFalse(MentionRule.mentions("@AcmeAirlines is better", "AcmeAir"));
        assertFalse(MentionRule.mentions("AcmeAir lost my bag", "AcmeAir"));
        assertFalse(MentionRule.mentions(null, "AcmeAir"));
    }
}
