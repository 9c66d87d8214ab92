package dev.signet.customer;

/** A social network Signet listens on. */
public enum Network {
    X
}
