package dev.signet.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.signet.care.promise.PromiseRequest;

/** When waiting on us (with a promise) may be set, and what a promise request carries. */
class WaitingOnUsTest {

    @Test
    void waitingOnUsIsSetFromTheAllowedMovesAndAgainOnlyOnceNoPromiseIsPending() {
        assertTrue(ConversationStatus.NEW.agentMayWaitOnUs(false));
        assertTrue(ConversationStatus.OPEN.agentMayWaitOnUs(true), "the customer wrote: a new promise replaces the old");
        assertTrue(ConversationStatus.WAITING_ON_CUSTOMER.agentMayWaitOnUs(false));
        assertTrue(ConversationStatus.WAITING_ON_US.agentMayWaitOnUs(false), "the scheduled update went out: promise the next");
        assertFalse(ConversationStatus.WAITING_ON_US.agentMayWaitOnUs(true), "one promise at a time");
        assertFalse(ConversationStatus.RESOLVED.agentMayWaitOnUs(false), "reopen first");
    }

    @Test
    void aPromiseRequestIsGivenWhenEitherFieldIsAndBlankTextMeansNoScheduledUpdate() {
        assertFalse(new PromiseRequest(null, null).given());
        assertFalse(new PromiseRequest(" ", "").given());
        assertTrue(new PromiseRequest("2026-12-04T00:30", null).given());
        assertTrue(new PromiseRequest(null, "text").given());
        assertNull(new PromiseRequest("2026-12-04T00:30", "   ").text());
        assertEquals("Found it.", new PromiseRequest("2026-12-04T00:30", "  Found it. \n").text());
    }
}
