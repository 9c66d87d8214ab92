package dev.signet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which @tokens of a note are initials mentions, and which are X handles, emails or nothing. */
class InitialsMentionRuleTest {

    @Test
    void initialsOfTwoToFourLettersAreMentionsInAnyCaseEachOnce() {
        assertEquals(List.of("MD", "JK", "ABCD"),
                List.copyOf(InitialsMentionRule.initialsIn("@MD ask @jk, then @Md and (@abcd).")));
    }

    @Test
    void mentionsMayStartOrEndTheNoteOrALine() {
        assertEquals(List.of("LO", "MD"), List.copyOf(InitialsMentionRule.initialsIn("@LO\nplease check with @MD")));
    }

    @Test
    void handlesEmailsAndLongerWordsAreNotMentions() {
        assertEquals(List.of(), List.copyOf(InitialsMentionRule.initialsIn(
                "@AcmeAir @zoe_adams @md2 @MDX_ mail a@md.com or x@@MD, @ alone, @abcde, @M")));
    }

    @Test
    void accentedLettersAreNotInitialsAndPunctuationEndsAMention() {
        assertEquals(List.of("MD"), List.copyOf(InitialsMentionRule.initialsIn("@MD's customer; @Mé no")));
    }

    @Test
    void nothingInNothingOut() {
        assertEquals(List.of(), List.copyOf(InitialsMentionRule.initialsIn(null)));
        assertEquals(List.of(), List.copyOf(InitialsMentionRule.initialsIn("no mentions here")));
    }
}
