package dev.signet.channel.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

/** PKCE S256 against RFC 7636's appendix B vector, and generated pairs. */
class PkceTest {

    @Test
    void theS256ChallengeOfRfc7636AppendixB() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void aGeneratedPairIsRandomUnpaddedAndItsOwnChallenge() {
        SecureRandom random = new SecureRandom();
        Pkce one = Pkce.generate(random);
        Pkce two = Pkce.generate(random);
        assertEquals(43, one.verifier().length());
        assertTrue(one.verifier().matches("[A-Za-z0-9_-]{43}"));
        assertEquals(Pkce.challengeOf(one.verifier()), one.challenge());
        assertNotEquals(one.verifier(), two.verifier());
        assertFalse(one.toString().contains(one.verifier()));
    }
}
