package dev.signet.care;

import java.util.Collection;
import java.util.Map;

/**
 * The delivery of outgoing messages, answered by the feature that publishes them ({@code reply}), so that
 * {@code care} shows it without depending on the outbox.
 */
public interface DeliveryLookup {

    /** The delivery of each of these messages that has one, in one query whatever their number. */
    Map<Long, Delivery> forMessages(Collection<Long> messageIds);
}
