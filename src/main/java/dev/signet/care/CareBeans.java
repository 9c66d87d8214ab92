package dev.signet.care;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.signet.customer.CrmConfig;
import dev.signet.customer.LoyaltyTier;

/**
 * The priority rule with the configured weights (its tier points must name configured tiers) and the service levels'
 * due times when the application has them.
 */
public class CareBeans {

    @Produces
    @Singleton
    PriorityRule priorityRule(CareConfig config, CrmConfig crm, Instance<ServiceLevelClock> serviceLevels) {
        PriorityRule.Weights weights = PriorityRule.Weights.of(config.priority());
        List<String> tiers = crm.tiers().stream().map(t -> LoyaltyTier.parse(t).name()).toList();
        for (String tier : weights.tierPoints().keySet()) {
            if (!tiers.contains(tier)) {
                throw new IllegalStateException("signet.care.priority.tier." + tier.toLowerCase(Locale.ROOT)
                        + " names a tier that is not in signet.customer.crm.tiers " + crm.tiers()
                        + ": add it there or remove its points");
            }
        }
        return new PriorityRule(weights, serviceLevels.isResolvable() ? serviceLevels.get() : ServiceLevelClock.NONE);
    }
}
