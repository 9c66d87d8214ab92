package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** A sentiment label that is not positive, neutral or negative. */
class UnknownSentimentException extends ProblemException {

    UnknownSentimentException(String label) {
        super(400, "unknown-sentiment", "Unknown sentiment",
                "Sentiment must be one of positive, neutral, negative; got " + (label == null ? "nothing" : "'" + label + "'") + ".");
    }
}
