package dev.signet.live;

/**
 * A record another replica published on the live bus (CDI event, fired on the listening thread). Never fired for
 * what this replica published itself: its own streams were told in-process. Read the record with
 * {@link LiveBus#read(LiveMessage, Class)}.
 *
 * @param topic   what kind of record, as the publisher named it (e.g. {@code queue})
 * @param payload the record as JSON
 */
public record LiveMessage(String topic, String payload) {
}
