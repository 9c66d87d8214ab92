package dev.signet.channel;

/**
 * What Signet asks of a brand account on X, each with its own health: reading mentions, reading DMs and
 * publishing (public replies and DMs). One endpoint failing or waiting out X's limit never stops the others.
 */
public enum Endpoint {
    MENTIONS, DIRECT_MESSAGES, PUBLISH;

    /** The metric tag and JSON spelling: {@code mentions}, {@code direct-messages}, {@code publish}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
