package dev.signet.notification;

import java.time.Instant;

/**
 * What a user's notification stream says: {@code CONNECTED} first (refetch the count), {@code NOTIFIED} when
 * something new is stored for them (with its kind and conversation), on any replica; {@code RESYNC} when
 * this replica may have missed some (refetch the count); {@code HEARTBEAT} to keep the stream open.
 */
public record NotificationEvent(Type type, String kind, Long conversationId, Instant at) {

    public enum Type {
        CONNECTED, NOTIFIED, RESYNC, HEARTBEAT
    }
}
