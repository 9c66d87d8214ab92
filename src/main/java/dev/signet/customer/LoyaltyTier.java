package dev.signet.customer;

import java.util.Locale;

/** Loyalty tiers from the CRM, lowest first. The tier feeds the queue priority. */
public enum LoyaltyTier {
    NONE, SILVER, GOLD, PLATINUM;

    /** Parses a CRM value such as {@code gold}; blank means {@link #NONE}. */
    public static LoyaltyTier parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
