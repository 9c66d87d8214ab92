package dev.signet.channel;

/** A social network Signet listens on. */
public enum Network {
    X
}
