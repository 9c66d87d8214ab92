package dev.signet.channel;

/** Who wrote a message, as the network describes them. */
public record Author(String userId, String handle, String displayName) {
}
