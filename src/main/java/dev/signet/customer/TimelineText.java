package dev.signet.customer;

import java.util.Map;

import dev.signet.common.Money;
import dev.signet.customer.CustomerViews.TimelineItem;

/**
 * Writes timeline entries for people, the one place it is done (the customer page and the timeline API show what
 * it writes): hand-offs as "^MD → ^JK: reason", promises and their ends, goodwill as "€20.00 goodwill — reason
 * (granted within allowance)" with {@link Money}. Names come from the lookups the timeline made once per page.
 */
final class TimelineText {

    /** What the timeline knows of the people, accounts and identities a page names. */
    record Names(Map<Long, Person> users, Map<Long, String> accountHandles, Map<Long, String> identityHandles) {

        String initials(Long userId) {
            Person p = userId == null ? null : users.get(userId);
            return p == null ? null : p.initials();
        }

        /** "^MD" for someone with initials (who signs replies), their display name otherwise. */
        String signature(Long userId) {
            Person p = userId == null ? null : users.get(userId);
            if (p == null) {
                return "someone no longer on the team";
            }
            return p.initials() != null ? "^" + p.initials() : p.displayName();
        }
    }

    /** A user as the timeline names them. */
    record Person(String initials, String displayName) {
    }

    private TimelineText() {
    }

    static TimelineItem item(TimelineEntry e, Names names) {
        TimelineEntry.Conversation c = e.conversation();
        Long conversationId = c == null ? null : c.id();
        String channel = c == null ? null : c.channel();
        String account = c == null ? null : names.accountHandles().get(c.accountId());
        String identity = c == null ? null : names.identityHandles().get(c.identityId());
        String direction = e.detail() instanceof TimelineEntry.Message m ? m.direction() : null;
        String author = switch (e.kind()) {
            case NOTE, GOODWILL -> null;
            case ESCALATED, DEESCALATED -> e.detail() instanceof TimelineEntry.Escalation x ? x.actor() : null;
            default -> identity;
        };
        String status = e.detail() instanceof TimelineEntry.Csat csat ? csat.outcome() : e.state();
        return new TimelineItem(e.kind().name(), e.at(), conversationId, channel, account, direction, text(e, names),
                names.initials(e.userId()), author, status);
    }

    private static String text(TimelineEntry e, Names names) {
        if (e.detail() instanceof TimelineEntry.HandOff h) {
            return names.signature(e.userId()) + " → " + names.signature(h.toUserId()) + ": " + e.text();
        }
        if (e.detail() instanceof TimelineEntry.Promise p) {
            return promise(e, p);
        }
        if (e.detail() instanceof TimelineEntry.Goodwill g) {
            return Money.format(g.amount(), g.currency()) + " goodwill — " + e.text()
                    + goodwillStatus(e.state(), names.signature(g.decidedByUserId()));
        }
        return e.text();
    }

    private static String promise(TimelineEntry e, TimelineEntry.Promise p) {
        if (e.kind() == TimelineKind.PROMISE) {
            return "update promised for " + p.dueLocal() + " (" + p.timeZone() + ")"
                    + (p.updateWritten() ? ", scheduled update written" : "");
        }
        return switch (e.state()) {
            case "KEPT" -> "SCHEDULED_UPDATE".equals(p.settledHow()) ? "scheduled update sent: promise kept"
                    : "update sent: promise kept";
            case "BROKEN" -> "promise for " + p.dueLocal() + " broken (update late or missing)";
            default -> "promise for " + p.dueLocal() + " withdrawn";
        };
    }

    private static String goodwillStatus(String status, String decidedBy) {
        return switch (status) {
            case "GRANTED" -> " (granted within allowance)";
            case "PENDING_APPROVAL" -> " (waiting for a lead)";
            case "APPROVED" -> " (approved by " + decidedBy + ")";
            default -> " (declined by " + decidedBy + ")";
        };
    }
}
