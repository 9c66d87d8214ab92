package dev.signet.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A loyalty tier from the CRM, by name (kept upper-case: {@code GOLD}). Which tiers exist is configuration
 * ({@code signet.customer.crm.tiers}, lowest first), as are the queue priority points each earns
 * ({@code signet.care.priority.tier.<name>}, matched case-insensitively); {@link #NONE} is the tier of a customer the CRM gives none.
 */
public record LoyaltyTier(@JsonValue String name) {

    /** Compiled once: every customer row read builds a tier (the queue reads 50 a page); before NONE, which uses it. */
    private static final Pattern NAME = Pattern.compile("[A-Z0-9_-]{1,32}");

    public static final LoyaltyTier NONE = new LoyaltyTier("NONE");

    public LoyaltyTier {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A loyalty tier needs a name");
        }
        name = name.trim().toUpperCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A loyalty tier's name is 1 to 32 letters, digits, '_' or '-': " + name);
        }
    }

    /** Parses a CRM value such as {@code gold}; blank means {@link #NONE}. */
    @JsonCreator
    public static LoyaltyTier parse(String value) {
        return value == null || value.isBlank() ? NONE : new LoyaltyTier(value);
    }

    public boolean none() {
        return NONE.equals(this);
    }

    /** As people read it: {@code GOLD} → "Gold", {@code VIP_PLUS} → "Vip plus". */
    public String label() {
        String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public String toString() {
        return name;
    }
}
