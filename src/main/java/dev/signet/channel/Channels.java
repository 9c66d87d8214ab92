package dev.signet.channel;

/** Names of the messaging channels of the channel feature. */
public final class Channels {

    /** Messages fetched from networks, consumed by intake. */
    public static final String INBOUND = "inbound";

    private Channels() {
    }
}
