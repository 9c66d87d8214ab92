package dev.signet.channel;

/** Who a set of credentials belongs to on the network. */
public record AccountProfile(String userId, String handle) {
}
