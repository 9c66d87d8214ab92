package dev.signet.care;

/** IN: written by a customer. OUT: written by the brand (an agent through Signet). */
public enum Direction {
    IN, OUT
}
