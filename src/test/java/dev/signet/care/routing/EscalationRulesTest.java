package dev.signet.care.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.signet.care.Contact;
import dev.signet.care.ContactRule;
import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.PriorityRule;
import dev.signet.customer.LoyaltyTier;

/** The rules of continuity and escalation: what a contact is, the threshold, the offer window, presence. */
class EscalationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");
    private static final Duration GAP = Duration.ofHours(2);

    @Test
    void aMessageAfterResolutionIsANewContactWhateverTheGap() {
        assertEquals(Contact.REOPENED, ContactRule.classify(true, NOW.minusSeconds(30), NOW, GAP));
        assertTrue(Contact.REOPENED.counts());
    }

    @Test
    void comingBackAfterAQuietGapIsANewContactButAnExchangeIsNot() {
        assertEquals(Contact.RETURNED, ContactRule.classify(false, NOW.minus(GAP), NOW, GAP), "exactly the gap");
        assertEquals(Contact.SAME, ContactRule.classify(false, NOW.minus(GAP).plusSeconds(1), NOW, GAP), "just under");
        assertEquals(Contact.SAME, ContactRule.classify(false, NOW.plusSeconds(60), NOW, GAP), "an older message (backfill)");
        assertFalse(Contact.SAME.counts());
        assertFalse(Contact.FIRST.counts(), "a conversation starts at 1 contact");
    }

    @Test
    void theThirdContactEscalatesByDefaultAndTheSecondDoesNot() {
        EscalationRule rule = new EscalationRule(2);
        assertFalse(rule.escalates(2), "one below: exactly the threshold does not");
        assertTrue(rule.escalates(3), "threshold exactly passed");
        assertEquals("3rd contact about the same matter (more than 2)", rule.reason(3));
        assertEquals("11th", EscalationRule.ordinal(11));
        assertEquals("22nd", EscalationRule.ordinal(22));
        assertThrows(IllegalArgumentException.class, () -> new EscalationRule(0));
    }

    @Test
    void theMatterEscalatesThroughARealConversationsContacts() {
        Conversation c = new Conversation(null, null, ConversationKind.DM, NOW.minus(Duration.ofHours(10)), NOW);
        c.customerWrote("my bag is lost", NOW.minus(Duration.ofHours(10)), GAP);
        assertEquals(Contact.SAME, c.customerWrote("still lost", NOW.minus(Duration.ofHours(9)), GAP));
        assertEquals(Contact.RETURNED, c.customerWrote("any news?", NOW.minus(Duration.ofHours(5)), GAP));
        c.agentAnswered("looking into it", NOW.minus(Duration.ofHours(4)));
        assertEquals(Contact.SAME, c.customerWrote("thanks", NOW.minus(Duration.ofHours(3)).minusSeconds(1), GAP));
        assertEquals(2, c.contactCount());
        assertFalse(new EscalationRule(2).escalates(c.contactCount()));
        assertEquals(Contact.RETURNED, c.customerWrote("a day later, still nothing", NOW, GAP));
        assertEquals(3, c.contactCount());
        assertTrue(new EscalationRule(2).escalates(c.contactCount()));
        assertTrue(c.escalate());
        assertFalse(c.escalate(), "escalated once");
    }

    @Test
    void anOfferIsMadeOnlyToAPreviousAgentOnShift() {
        ContinuityRule rule = new ContinuityRule(Duration.ofMinutes(15));
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(15))),
                rule.offerUntil(Optional.of(new ContinuityRule.Previous(7, true, true)), NOW));
        assertEquals(Optional.empty(), rule.offerUntil(Optional.of(new ContinuityRule.Previous(7, true, false)), NOW),
                "agent away");
        assertEquals(Optional.empty(), rule.offerUntil(Optional.of(new ContinuityRule.Previous(7, false, true)), NOW),
                "no longer answers customers");
        assertEquals(Optional.empty(), rule.offerUntil(Optional.empty(), NOW), "nobody handled the customer before");
        assertEquals(Optional.empty(), new ContinuityRule(Duration.ZERO)
                .offerUntil(Optional.of(new ContinuityRule.Previous(7, true, true)), NOW), "continuity off");
    }

    @Test
    void anOfferStandsUntilTheWindowEnds() {
        Instant until = NOW.plus(Duration.ofMinutes(15));
        assertTrue(ContinuityRule.stands(until, NOW));
        assertTrue(ContinuityRule.stands(until, until.minusMillis(1)));
        assertFalse(ContinuityRule.stands(until, until), "window expired");
        assertFalse(ContinuityRule.stands(null, NOW));
    }

    @Test
    void onShiftLastsWhileTheAgentIsSeenAndAwayIsAway() {
        Duration awayAfter = Duration.ofMinutes(30);
        assertTrue(ContinuityRule.onShift(true, NOW.minus(Duration.ofMinutes(29)), awayAfter, NOW));
        assertFalse(ContinuityRule.onShift(true, NOW.minus(awayAfter), awayAfter, NOW), "not seen for away-after");
        assertFalse(ContinuityRule.onShift(false, NOW, awayAfter, NOW), "marked away");
        AgentPresence presence = new AgentPresence(1, NOW.minus(Duration.ofHours(1)));
        presence.mark(true, NOW.minus(Duration.ofHours(1)));
        assertFalse(presence.onShift(awayAfter, NOW));
        assertTrue(presence.seen(NOW, awayAfter));
        assertTrue(presence.onShift(awayAfter, NOW));
        assertFalse(presence.seen(NOW.plusSeconds(60), awayAfter), "no write on every page load");
    }

    @Test
    void escalationAddsPointsAndSaysSo() {
        PriorityRule rule = new PriorityRule(new PriorityRule.Weights(java.util.Map.of("silver", 10, "gold", 30, "platinum", 50), 15, 25, 10, 40, 40));
        PriorityRule.Inputs escalated = new PriorityRule.Inputs(LoyaltyTier.NONE, 3, null, NOW, null, true);
        PriorityRule.Inputs plain = new PriorityRule.Inputs(LoyaltyTier.NONE, 3, null, NOW, null);
        assertEquals(rule.staticPoints(plain) + 40, rule.staticPoints(escalated));
        assertTrue(rule.explain(escalated, NOW).reasons().stream().anyMatch(r -> r.toString().equals("escalated +40")));
        assertTrue(rule.queueKey(escalated).isBefore(rule.queueKey(plain)), "escalated comes first");
    }
}
