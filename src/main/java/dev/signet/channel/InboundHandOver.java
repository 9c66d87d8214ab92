package dev.signet.channel;

import java.util.List;

/**
 * Hands fetched messages over to intake and returns once every one is taken for good, or throws
 * {@link IntakeFailedException}. One implementation per transport ({@code signet.messaging.transport}).
 */
public interface InboundHandOver {

    void deliver(List<InboundMessage> messages);
}
