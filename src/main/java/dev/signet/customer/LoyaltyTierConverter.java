package dev.signet.customer;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link LoyaltyTier} as its upper-case name ({@code customer.loyalty_tier}). */
@Converter(autoApply = true)
public class LoyaltyTierConverter implements AttributeConverter<LoyaltyTier, String> {

    @Override
    public String convertToDatabaseColumn(LoyaltyTier tier) {
        return tier == null ? null : tier.name();
    }

    @Override
    public LoyaltyTier convertToEntityAttribute(String stored) {
        return stored == null ? null : new LoyaltyTier(stored);
    }
}
