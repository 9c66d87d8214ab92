package dev.signet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.signet.care.ResponseHistory;

/**
 * Measures a conversation's timeline against its policy: which targets ran, when each started, fell due and ended,
 * and the business time each took.
 * <ul>
 * <li><b>First response</b>: from the first message to our first response.</li>
 * <li><b>Next response</b>: after that, each time the customer writes while nothing of theirs waits on us, a wait
 * starts; our next response ends it.</li>
 * <li>A response is one of our messages (reply, hand-off line, scheduled update) — or a promised update that was
 * <b>kept</b>: it counts as answered when the promise was made, and the customer's messages until the update came
 * start no new wait. A <b>broken</b> promise counts for nothing: the wait runs on to our next message.</li>
 * <li><b>Resolution</b>: from the first message to resolution on the customer's clock; a reopening takes the
 * resolution back, so the target runs on (and is judged at the final resolution). Resolving ends a wait still open;
 * a message after the resolution that did not reopen it (a survey answer) starts none.</li>
 * </ul>
 */
public final class SlaEvaluator {

    private SlaEvaluator() {
    }

    /**
     * One target of one conversation.
     *
     * @param seq             0, or the number of the wait for next responses (0, 1, 2…)
     * @param endedAt         when it was met or missed by a response / resolution, or null while running
     * @param businessSeconds business time from start to end, or null while running
     */
    public record Outcome(SlaTarget target, int seq, Instant startedAt, Instant dueAt, Instant endedAt,
            Long businessSeconds) {

        /** True met, false breached, null still running and not yet due. */
        public Boolean met(Instant now) {
            if (endedAt != null) {
                return !endedAt.isAfter(dueAt);
            }
            return now.isAfter(dueAt) ? Boolean.FALSE : null;
        }
    }

    private record Event(Instant at, boolean response) {
    }

    public static List<Outcome> evaluate(ResponseHistory t, CompiledPolicy policy) {
        BusinessHours hours = policy.hours();
        List<Event> events = new ArrayList<>();
        for (ResponseHistory.Entry m : t.messages()) {
            events.add(new Event(m.at(), !m.fromCustomer()));
        }
        for (ResponseHistory.Promise p : t.promises()) {
            if (p.kept()) {
                events.add(new Event(p.madeAt(), true));
            }
        }
        // At the same instant a response comes first: a message written as we answered waits for the next one.
        events.sort(Comparator.comparing(Event::at).thenComparing(e -> !e.response()));
        List<Outcome> outcomes = new ArrayList<>();
        Instant firstResponse = null;
        Instant waitStart = null;
        int seq = 0;
        Instant resolvedAt = t.open() ? null : t.resolvedAt();
        for (Event e : events) {
            if (resolvedAt != null && e.at().isAfter(resolvedAt)) {
                break; // after the resolution (a survey and its answer): nothing more is asked of us
            }
            if (e.response()) {
                if (firstResponse == null) {
                    firstResponse = e.at();
                } else if (waitStart != null) {
                    outcomes.add(outcome(hours, SlaTarget.NEXT_RESPONSE, seq++, waitStart, policy.nextResponse(), e.at()));
                    waitStart = null;
                }
            } else if (firstResponse != null && waitStart == null && !e.at().isBefore(firstResponse)
                    && !awaitingKeptUpdate(t, e.at())) {
                waitStart = e.at();
            }
        }
        if (waitStart != null) {
            // Resolved with the customer's last words unanswered: resolving ends that wait. A message after the
            // resolution that did not reopen it (a survey answer) asks nothing of us.
            Instant resolved = t.open() ? null : t.resolvedAt();
            if (resolved == null) {
                outcomes.add(outcome(hours, SlaTarget.NEXT_RESPONSE, seq, waitStart, policy.nextResponse(), null));
            } else if (waitStart.isBefore(resolved)) {
                outcomes.add(outcome(hours, SlaTarget.NEXT_RESPONSE, seq, waitStart, policy.nextResponse(), resolved));
            }
        }
        outcomes.add(0, outcome(hours, SlaTarget.FIRST_RESPONSE, 0, t.firstMessageAt(), policy.firstResponse(),
                firstResponse));
        outcomes.add(outcome(hours, SlaTarget.RESOLUTION, 0, t.firstMessageAt(), policy.resolution(),
                t.open() ? null : t.resolvedAt()));
        return outcomes;
    }

    /** Whether a kept promise covers {@code at}: made before it and its update not yet out. */
    private static boolean awaitingKeptUpdate(ResponseHistory t, Instant at) {
        for (ResponseHistory.Promise p : t.promises()) {
            if (p.kept() && !at.isBefore(p.madeAt()) && (p.settledAt() == null || at.isBefore(p.settledAt()))) {
                return true;
            }
        }
        return false;
    }

    private static Outcome outcome(BusinessHours hours, SlaTarget target, int seq, Instant start, Duration amount,
            Instant end) {
        Instant due = hours.plus(start, amount);
        return new Outcome(target, seq, start, due, end, end == null ? null : hours.between(start, end).toSeconds());
    }
}
