package dev.signet.care;

import java.time.Instant;

/** A hand-off as the conversation page and the API show it. */
public record HandOffView(String fromInitials, String fromName, String toInitials, String toName, String reason,
        String customerLine, Instant at) {

    static HandOffView of(HandOff h) {
        return new HandOffView(h.from().initials(), h.from().displayName(), h.to().initials(), h.to().displayName(),
                h.reason(), h.customerLine(), h.createdAt());
    }
}
