package dev.signet.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationKind;
import dev.signet.care.ResponseHistory;
import dev.signet.care.ResponseHistory.Entry;
import dev.signet.care.ResponseHistory.Promise;
import dev.signet.care.promise.PromiseOutcome;
import dev.signet.customer.LoyaltyTier;

class SlaEvaluatorTest {

    /** 24/7: 15 min first response, 30 min next response, 4 h resolution. */
    static final CompiledPolicy POLICY = new CompiledPolicy(1, "air", null, null, Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(4), BusinessHours.alwaysOpen(ZoneOffset.UTC));
    static final Instant T = Instant.parse("2026-12-07T09:00:00Z");

    static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    static Entry in(int minutes) {
        return new Entry(at(minutes), true);
    }

    static Entry out(int minutes) {
        return new Entry(at(minutes), false);
    }

    static ResponseHistory timeline(boolean open, Instant resolvedAt, List<Entry> messages, List<Promise> promises) {
        return new ResponseHistory(1, "air", ConversationKind.PUBLIC, LoyaltyTier.NONE, open, T, resolvedAt, messages,
                promises);
    }

    static SlaEvaluator.Outcome find(List<SlaEvaluator.Outcome> outcomes, SlaTarget target, int seq) {
        return outcomes.stream().filter(o -> o.target() == target && o.seq() == seq).findFirst().orElseThrow();
    }

    @Test
    void firstAndNextResponsesAndResolution() {
        List<SlaEvaluator.Outcome> o = SlaEvaluator.evaluate(timeline(false, at(200),
                List.of(in(0), in(2), out(10), in(60), out(100)), List.of()), POLICY);
        assertEquals(3, o.size());
        SlaEvaluator.Outcome first = find(o, SlaTarget.FIRST_RESPONSE, 0);
        assertEquals(600L, first.businessSeconds());
        assertTrue(first.met(at(300)));
        SlaEvaluator.Outcome next = find(o, SlaTarget.NEXT_RESPONSE, 0);
        assertEquals(at(60), next.startedAt());
        assertEquals(at(90), next.dueAt());
        assertFalse(next.met(at(300)), "40 min for a 30 min target");
        assertTrue(find(o, SlaTarget.RESOLUTION, 0).met(at(300)));
    }

    @Test
    void aRunningTargetIsBreachedOnlyOnceDue() {
        List<SlaEvaluator.Outcome> o = SlaEvaluator.evaluate(timeline(true, null, List.of(in(0)), List.of()), POLICY);
        SlaEvaluator.Outcome first = find(o, SlaTarget.FIRST_RESPONSE, 0);
        assertNull(first.endedAt());
        assertNull(first.met(at(10)), "not decided before it falls due");
        assertEquals(Boolean.FALSE, first.met(at(16)));
    }

    @Test
    void aReopenedConversationIsJudgedAtItsFinalResolutionOnTheCustomersClock() {
        // Resolved at 60 min (within 4 h), the customer came back at 200 and it was resolved again at 300: the
        // resolution took 300 minutes on the customer's clock, across the reopening.
        List<SlaEvaluator.Outcome> o = SlaEvaluator.evaluate(timeline(false, at(300),
                List.of(in(0), out(5), in(200), out(210)), List.of()), POLICY);
        SlaEvaluator.Outcome resolution = find(o, SlaTarget.RESOLUTION, 0);
        assertEquals(300L * 60, resolution.businessSeconds());
        assertFalse(resolution.met(at(400)));
        // The message that reopened it waited for a next response (10 min: met).
        assertTrue(find(o, SlaTarget.NEXT_RESPONSE, 0).met(at(400)));
        // While reopened (open again), resolution is running — and already past due.
        List<SlaEvaluator.Outcome> reopened = SlaEvaluator.evaluate(timeline(true, null,
                List.of(in(0), out(5), in(200)), List.of()), POLICY);
        assertNull(find(reopened, SlaTarget.RESOLUTION, 0).endedAt());
        assertEquals(Boolean.FALSE, find(reopened, SlaTarget.RESOLUTION, 0).met(at(250)));
    }

    @Test
    void aKeptPromiseCountsAsTheResponseWhenItWasMade() {
        // The customer asks again at 60; at 70 the agent promises an update by 180 and sends it at 170: kept.
        List<SlaEvaluator.Outcome> o = SlaEvaluator.evaluate(timeline(true, null,
                List.of(in(0), out(5), in(60), in(120), out(170)),
                List.of(new Promise(at(70), at(180), at(170), PromiseOutcome.KEPT))), POLICY);
        SlaEvaluator.Outcome next = find(o, SlaTarget.NEXT_RESPONSE, 0);
        assertEquals(at(70), next.endedAt());
        assertTrue(next.met(at(200)));
        // The customer's message at 120, while the kept promise was pending, started no new wait.
        assertEquals(1, o.stream().filter(x -> x.target() == SlaTarget.NEXT_RESPONSE).count());
    }

    @Test
    void aBrokenPromiseCountsForNothing() {
        // The same, but the update came at 200, after the promised 180: the wait ran from 60 to 200.
        List<SlaEvaluator.Outcome> o = SlaEvaluator.evaluate(timeline(true, null,
                List.of(in(0), out(5), in(60), in(120), out(200)),
                List.of(new Promise(at(70), at(180), at(200), PromiseOutcome.BROKEN))), POLICY);
        SlaEvaluator.Outcome next = find(o, SlaTarget.NEXT_RESPONSE, 0);
        assertEquals(at(200), next.endedAt());
        assertFalse(next.met(at(300)));
    }

    @Test
    void resolvingEndsAWaitAndASurveyAnswerAfterResolutionStartsNone() {
        // The customer wrote again at 60, the agent resolved at 70 without a word; a survey went out at 100 and the
        // customer answered it at 110 (the conversation stayed resolved).
        List<SlaEvaluator.Outcome> o = SlaEvaluator.evaluate(timeline(false, at(70),
                List.of(in(0), out(5), in(60), out(100), in(110)), List.of()), POLICY);
        List<SlaEvaluator.Outcome> waits = o.stream().filter(x -> x.target() == SlaTarget.NEXT_RESPONSE).toList();
        assertEquals(1, waits.size(), waits.toString());
        assertEquals(at(70), waits.get(0).endedAt());
        assertTrue(waits.get(0).met(at(200)));
    }

    @Test
    void businessHoursApplyToTheTargets() {
        CompiledPolicy office = new CompiledPolicy(2, "air", null, null, Duration.ofMinutes(60), Duration.ofMinutes(60),
                Duration.ofHours(8), BusinessHours.parse("MON-FRI 09:00-17:00", "", ZoneOffset.UTC));
        // Friday 16:30 first message, answered Monday 09:20: 50 business minutes, met.
        Instant friday = Instant.parse("2026-12-11T16:30:00Z");
        ResponseHistory t = new ResponseHistory(1, "air", ConversationKind.DM, LoyaltyTier.NONE, true, friday,
                null, List.of(new Entry(friday, true), new Entry(Instant.parse("2026-12-14T09:20:00Z"), false)), List.of());
        SlaEvaluator.Outcome first = find(SlaEvaluator.evaluate(t, office), SlaTarget.FIRST_RESPONSE, 0);
        assertEquals(Instant.parse("2026-12-14T09:30:00Z"), first.dueAt());
        assertEquals(50L * 60, first.businessSeconds());
        assertTrue(first.met(Instant.parse("2026-12-14T10:00:00Z")));
    }
}
