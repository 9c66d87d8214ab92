package dev.signet.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.signet.customer.CustomerViews.TimelineItem;

/** How timeline entries are written, once, in Java: hand-offs, promises, goodwill amounts, surveys, the merge order. */
class TimelineTextTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final TimelineEntry.Conversation PUBLIC = new TimelineEntry.Conversation(7, 3, 1, "PUBLIC");
    private static final TimelineText.Names NAMES = new TimelineText.Names(
            Map.of(10L, new TimelineText.Person("MD", "Maria Diaz"), 11L, new TimelineText.Person("JK", "Jonas K"),
                    12L, new TimelineText.Person(null, "Admin Ada")),
            Map.of(1L, "SignetAir"), Map.of(3L, "tia"));

    @Test
    void aHandOffNamesBothAgentsByTheirInitials() {
        TimelineItem item = TimelineText.item(new TimelineEntry(TimelineKind.HANDOFF, AT, 1, PUBLIC, 10L,
                "card team knows this bank", null, new TimelineEntry.HandOff(11)), NAMES);
        assertEquals("^MD → ^JK: card team knows this bank", item.text());
        assertEquals("MD", item.initials());
        assertEquals("SignetAir", item.accountHandle());
        assertEquals("tia", item.authorHandle());
    }

    @Test
    void goodwillIsWrittenWithTheCurrencysSignAndDecimalsAndWhoDecided() {
        assertEquals("€12.50 goodwill — Taxi (granted within allowance)", goodwill("12.5", "EUR", "GRANTED", null));
        assertEquals("¥500 goodwill — Taxi (approved by ^JK)", goodwill("500.00", "JPY", "APPROVED", 11L));
        assertEquals("CHF 3.00 goodwill — Taxi (declined by Admin Ada)", goodwill("3", "CHF", "DECLINED", 12L));
        assertEquals("$1.00 goodwill — Taxi (waiting for a lead)", goodwill("1", "USD", "PENDING_APPROVAL", null));
    }

    @Test
    void promisesSayWhenAndHowTheyEnded() {
        TimelineEntry.Promise promise = new TimelineEntry.Promise("2026-12-08 10:00", "Europe/Madrid", true, null);
        assertEquals("update promised for 2026-12-08 10:00 (Europe/Madrid), scheduled update written",
                TimelineText.item(new TimelineEntry(TimelineKind.PROMISE, AT, 1, PUBLIC, 10L, null, "OPEN", promise), NAMES)
                        .text());
        assertEquals("promise for 2026-12-08 10:00 broken (update late or missing)", TimelineText.item(
                new TimelineEntry(TimelineKind.PROMISE_SETTLED, AT, 1, PUBLIC, null, null, "BROKEN", promise), NAMES).text());
        assertEquals("scheduled update sent: promise kept", TimelineText.item(new TimelineEntry(
                TimelineKind.PROMISE_SETTLED, AT, 1, PUBLIC, null, null, "KEPT",
                new TimelineEntry.Promise("2026-12-08 10:00", "Europe/Madrid", true, "SCHEDULED_UPDATE")), NAMES).text());
    }

    @Test
    void aSurveyShowsCaresWordsAndAnEscalationItsActor() {
        TimelineItem csat = TimelineText.item(new TimelineEntry(TimelineKind.CSAT, AT, 1, PUBLIC, null, "great", "ANSWERED",
                new TimelineEntry.Csat(5, null, "Answered 5/5")), NAMES);
        assertEquals("Answered 5/5", csat.status());
        assertEquals("great", csat.text());
        TimelineItem escalated = TimelineText.item(new TimelineEntry(TimelineKind.ESCALATED, AT, 1, PUBLIC, null,
                "third contact", "OPEN", new TimelineEntry.Escalation("rule")), NAMES);
        assertEquals("rule", escalated.authorHandle());
        assertNull(escalated.initials());
    }

    @Test
    void entriesMergeNewestFirstThenNewestRow() {
        List<TimelineEntry> entries = new ArrayList<>(List.of(
                new TimelineEntry(TimelineKind.NOTE, AT, 5, null, 10L, "a", null, null),
                new TimelineEntry(TimelineKind.MESSAGE, AT.plusSeconds(1), 2, PUBLIC, null, "b", null,
                        new TimelineEntry.Message("IN")),
                new TimelineEntry(TimelineKind.OPENED, AT, 9, PUBLIC, null, null, "NEW", null)));
        entries.sort(CustomerTimeline.NEWEST_FIRST);
        assertEquals(List.of(TimelineKind.MESSAGE, TimelineKind.OPENED, TimelineKind.NOTE),
                entries.stream().map(TimelineEntry::kind).toList());
    }

    private static String goodwill(String amount, String currency, String status, Long decidedBy) {
        return TimelineText.item(new TimelineEntry(TimelineKind.GOODWILL, AT, 1, PUBLIC, 10L, "Taxi", status,
                new TimelineEntry.Goodwill(new BigDecimal(amount), currency, decidedBy)), NAMES).text();
    }
}
