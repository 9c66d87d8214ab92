/**
 * Live events across replicas: what one replica's live pages are told (queue changes, notifications) also reaches
 * the server-sent event streams of every other replica. On PostgreSQL through {@code LISTEN/NOTIFY} on one channel
 * ({@code signet.live.channel}): each replica sends a small JSON record after its transaction commits and keeps one
 * connection listening; in-process only on H2 (the embedded default, one process). See decision 009.
 * <p>
 * Offers {@link dev.signet.live.LiveBus} (publish a record to the other replicas; read one they sent) and two CDI
 * events for the features that own a live stream: {@link dev.signet.live.LiveMessage} (a record another replica
 * published) and {@link dev.signet.live.LiveResync} (the listening connection was lost and is back: events may have
 * been missed, pages should refetch). Owns no table.
 */
package dev.signet.live;
