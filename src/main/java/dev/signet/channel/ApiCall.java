package dev.signet.channel;

import java.time.Duration;

/**
 * The calls a connector makes, with X's published budget per 15-minute window (v1.1 Enterprise and v2 user
 * context use the same windows). The budget spreads polls until the network's own headers say otherwise.
 */
public enum ApiCall {
    MENTIONS(75), DIRECT_MESSAGES(15), PUBLISH(100), SEND_DM(15), USER_LOOKUP(900), VERIFY(75),
    /** The brand's own posts, read to recognise a reply whose answer was lost. */
    USER_TIMELINE(900),
    /** X's recent search (7 days back), read to recover mentions the timeline no longer serves. */
    SEARCH(180);

    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final int defaultLimit;

    ApiCall(int defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    public int defaultLimit() {
        return defaultLimit;
    }
}
