package dev.signet.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Network;

/** A handle X did not tell (null, blank, or the user id standing in) never renames an identity. */
class SocialIdentityHandleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aMissingOrIdLikeHandleKeepsTheKnownOneAndWritesNoRename() {
        SocialIdentity kim = new SocialIdentity(Network.X, "1234567890", "kim_travels", "Kim", T0);

        assertTrue(kim.refreshProfile(null, null, T1).isEmpty());
        assertTrue(kim.refreshProfile("  ", null, T1).isEmpty());
        assertTrue(kim.refreshProfile("1234567890", null, T1).isEmpty());

        assertEquals("kim_travels", kim.handle());
        assertEquals("Kim", kim.displayName());
    }

    @Test
    void aRealRenameIsStillKept() {
        SocialIdentity kim = new SocialIdentity(Network.X, "1234567890", "kim_travels", "Kim", T0);

        HandleHistory previous = kim.refreshProfile("kim_flies", null, T1).orElseThrow();

        assertEquals("kim_travels", previous.handle());
        assertEquals("kim_flies", kim.handle());
    }

    @Test
    void anIdentityFirstSeenWithoutAHandleTakesItsHandleLaterWithoutARename() {
        SocialIdentity unknown = new SocialIdentity(Network.X, "1234567890", null, null, T0);
        assertFalse(unknown.handleKnown());
        assertEquals("1234567890", unknown.handle(), "the id stands in until the handle is known");
        SocialIdentity idAsHandle = new SocialIdentity(Network.X, "1234567890", "1234567890", null, T0);
        assertFalse(idAsHandle.handleKnown());

        assertTrue(unknown.refreshProfile("kim_travels", "Kim", T1).isEmpty(), "learning the handle is no rename");
        assertTrue(unknown.handleKnown());
        assertEquals("kim_travels", unknown.handle());
        assertTrue(unknown.refreshProfile("kim_flies", null, T1).isPresent(), "a later change is a rename");
    }
}
