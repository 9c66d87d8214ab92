package dev.signet.care;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The priority rule with the configured weights. */
public class CareBeans {

    @Produces
    @Singleton
    PriorityRule priorityRule(CareConfig config) {
        return new PriorityRule(PriorityRule.Weights.of(config.priority()));
    }
}
