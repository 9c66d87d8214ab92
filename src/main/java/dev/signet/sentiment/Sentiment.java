package dev.signet.sentiment;

/** How a customer's message feels about the brand: the three classes the sentiment model predicts. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
}
