package dev.signet.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void appendsTheDefaultCaretSignatureWithUpperCaseInitials() {
        assertEquals("Happy to help! ^MD", Signature.sign("Happy to help!", " ^{initials}", "md"));
    }

    @Test
    void followsTheAccountFormat() {
        assertEquals("On it -jk", Signature.sign("On it", " -{initials-lower}", "JK"));
        assertEquals(" -jk", Signature.render(" -{initials-lower}", "JK"));
    }

    @Test
    void trailingWhiteSpaceIsDroppedBeforeSigning() {
        assertEquals("Thanks ^MD", Signature.sign("Thanks  \n", " ^{initials}", "MD"));
    }

    @Test
    void aTextAlreadySignedByTheSameAgentIsNotSignedTwice() {
        assertEquals("Thanks ^MD", Signature.sign("Thanks ^MD", " ^{initials}", "MD"));
    }

    @Test
    void anotherAgentsSignatureInTheTextDoesNotReplaceTheAuthorsOwn() {
        assertEquals("Thanks ^JK ^MD", Signature.sign("Thanks ^JK", " ^{initials}", "MD"));
    }

    @Test
    void aFormatWithoutInitialsFallsBackToTheDefault() {
        assertEquals(" ^MD", Signature.render("signed", "MD"));
    }

    @Test
    void noInitialsNoSignature() {
        assertThrows(IllegalArgumentException.class, () -> Signature.sign("Hi", " ^{initials}", " "));
        assertThrows(IllegalArgumentException.class, () -> Signature.sign("Hi", " ^{initials}", null));
    }

    @Test
    void aHandOffLineIsSignedByBothInTheAccountsFormat() {
        assertEquals("Jonas takes it from here. ^MD → ^JK",
                Signature.signHandOff("Jonas takes it from here.  ", " ^{initials}", "md", "JK"));
        assertEquals("Over to Jonas -md → -jk", Signature.signHandOff("Over to Jonas", " -{initials-lower}", "MD", "JK"));
    }
}
