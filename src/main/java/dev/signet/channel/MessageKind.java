package dev.signet.channel;

/** Public post or private direct message. */
public enum MessageKind {
    MENTION, DIRECT_MESSAGE
}
