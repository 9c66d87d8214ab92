package dev.signet.channel;

import java.util.List;

/**
 * Messages of one fetch, handed to intake together in-process so that intake stores them in one transaction.
 * (With Kafka every message is a record of its own, keyed by conversation.)
 */
public record InboundBatch(List<InboundMessage> messages) {
}
