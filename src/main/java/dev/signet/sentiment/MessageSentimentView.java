package dev.signet.sentiment;

import java.util.Locale;

/**
 * A message's sentiment as agents and API clients see it.
 *
 * @param sentiment    the model's label; null while the message is not scored yet
 * @param confidence   the model's probability for that label, 0..1
 * @param modelVersion the model (and brand adaptation) that scored it
 * @param corrected    an agent's label for it, if any (it overrides the model's)
 */
public record MessageSentimentView(long messageId, Sentiment sentiment, double confidence, String modelVersion,
        Sentiment corrected) {

    /** What to show: the agent's label if there is one, else the model's. */
    public Sentiment shown() {
        return corrected != null ? corrected : sentiment;
    }

    public String percent() {
        return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }
}
