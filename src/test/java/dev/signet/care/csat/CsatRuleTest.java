package dev.signet.care.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationStatus;

class CsatRuleTest {

    private static final Instant RESOLVED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DUE = RESOLVED.plus(Duration.ofMinutes(10));
    private final CsatRule rule = new CsatRule(new CsatRule.Settings(Duration.ofMinutes(10), Duration.ofDays(30),
            Duration.ofHours(1), Duration.ofDays(3)));

    private static CsatRule.Facts facts() {
        return new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false, Optional.empty(), Optional.empty(), true);
    }

    @Test
    void aResolvedConversationWithAnAgentReplyIsAskedOnceTheDelayIsOver() {
        assertEquals(CsatRule.Decision.Kind.ASK, rule.decide(facts(), DUE).kind());
    }

    @Test
    void reopenedBeforeTheDelayIsSkipped() {
        CsatRule.Decision decision = rule.decide(new CsatRule.Facts(ConversationStatus.OPEN, null, false,
                Optional.empty(), Optional.empty(), true), DUE);
        assertEquals(CsatRule.Decision.Kind.SKIP, decision.kind());
        assertEquals(CsatSkipReason.REOPENED, decision.reason());
        assertEquals(CsatSkipReason.REOPENED, rule.decide(new CsatRule.Facts(ConversationStatus.WAITING_ON_CUSTOMER,
                null, false, Optional.empty(), Optional.empty(), true), DUE).reason());
    }

    @Test
    void resolvedAgainLaterWaitsForTheDelayFromTheLatestResolution() {
        Instant again = RESOLVED.plus(Duration.ofMinutes(5));
        CsatRule.Decision decision = rule.decide(new CsatRule.Facts(ConversationStatus.RESOLVED, again, false,
                Optional.empty(), Optional.empty(), true), DUE);
        assertEquals(CsatRule.Decision.Kind.WAIT, decision.kind());
        assertEquals(again.plus(Duration.ofMinutes(10)), decision.waitUntil());
        assertNull(decision.reason());
    }

    @Test
    void neverOnAnEscalatedConversation() {
        CsatRule.Decision decision = rule.decide(new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, true,
                Optional.empty(), Optional.empty(), true), DUE);
        assertEquals(CsatSkipReason.ESCALATED, decision.reason());
    }

    @Test
    void aHandOff59MinutesBeforeResolutionSkipsIt61MinutesDoesNot() {
        CsatRule.Facts recent = new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.of(RESOLVED.minus(Duration.ofMinutes(59))), Optional.empty(), true);
        assertEquals(CsatSkipReason.RECENT_HAND_OFF, rule.decide(recent, DUE).reason());
        CsatRule.Facts older = new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.of(RESOLVED.minus(Duration.ofMinutes(61))), Optional.empty(), true);
        assertEquals(CsatRule.Decision.Kind.ASK, rule.decide(older, DUE).kind());
        CsatRule.Facts exactlyAnHour = new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.of(RESOLVED.minus(Duration.ofHours(1))), Optional.empty(), true);
        assertEquals(CsatRule.Decision.Kind.ASK, rule.decide(exactlyAnHour, DUE).kind(), "within the hour is < 60 min");
        CsatRule.Facts afterResolution = new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.of(RESOLVED.plus(Duration.ofMinutes(1))), Optional.empty(), true);
        assertEquals(CsatSkipReason.RECENT_HAND_OFF, rule.decide(afterResolution, DUE).reason());
    }

    @Test
    void withoutAnAgentReplyThereIsNothingToRate() {
        CsatRule.Decision decision = rule.decide(new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.empty(), Optional.empty(), false), DUE);
        assertEquals(CsatSkipReason.NO_AGENT_REPLY, decision.reason());
    }

    @Test
    void atMostOneQuestionPerCustomerPerPeriod() {
        CsatRule.Facts askedWithin = new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.empty(), Optional.of(DUE.minus(Duration.ofDays(30)).plusSeconds(1)), true);
        assertEquals(CsatSkipReason.ASKED_RECENTLY, rule.decide(askedWithin, DUE).reason());
        CsatRule.Facts askedJustBefore = new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.empty(), Optional.of(DUE.minus(Duration.ofDays(30))), true);
        assertEquals(CsatRule.Decision.Kind.ASK, rule.decide(askedJustBefore, DUE).kind(), "exactly a period ago");
        CsatRule.Facts askedLongAgo = new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, false,
                Optional.empty(), Optional.of(DUE.minus(Duration.ofDays(31))), true);
        assertEquals(CsatRule.Decision.Kind.ASK, rule.decide(askedLongAgo, DUE).kind());
    }

    @Test
    void theFirstReasonWinsEscalatedBeforeTheCap() {
        CsatRule.Decision decision = rule.decide(new CsatRule.Facts(ConversationStatus.RESOLVED, RESOLVED, true,
                Optional.of(RESOLVED), Optional.of(RESOLVED), false), DUE);
        assertEquals(CsatSkipReason.ESCALATED, decision.reason());
    }

    @Test
    void aQuestionDueLongerAgoThanTheAnswerWindowIsNotSentAnyMore() {
        assertEquals(CsatSkipReason.TOO_LATE,
                rule.decide(facts(), RESOLVED.plus(Duration.ofDays(3)).plusSeconds(1)).reason());
        assertEquals(CsatRule.Decision.Kind.ASK, rule.decide(facts(), RESOLVED.plus(Duration.ofDays(3))).kind());
    }
}
