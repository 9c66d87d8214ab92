package dev.signet.insight;

import java.util.Locale;

/** What a market-feedback flag is about. */
public enum FeedbackCategory {
    PRODUCT("product"), POLICY("policy"), PRICING("pricing"), OTHER("other");

    private final String label;

    FeedbackCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads {@code product}, {@code policy}, {@code pricing} or {@code other} (any case); anything else is refused. */
    public static FeedbackCategory parse(String value) {
        if (value != null) {
            for (FeedbackCategory c : values()) {
                if (c.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return c;
                }
            }
        }
        throw MarketFeedbackRejectedException.unknownCategory(value);
    }
}
