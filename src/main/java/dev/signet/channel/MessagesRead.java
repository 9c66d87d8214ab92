package dev.signet.channel;

import java.util.List;

/**
 * A poll read one endpoint of an account and every message it found is taken for good (fired synchronously after
 * the hand-over, before the cursor moves). The push feature observes it to tell what polling found that X did not
 * push ({@code channel.push}).
 *
 * @param accountKey the brand account
 * @param endpoint   the endpoint read
 * @param messages   what the read handed to intake (possibly nothing)
 */
public record MessagesRead(String accountKey, Endpoint endpoint, List<InboundMessage> messages) {
}
