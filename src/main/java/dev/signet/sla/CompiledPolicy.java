package dev.signet.sla;

import java.time.Duration;

/** A policy ready to use: its targets and its business hours in the account's zone. */
record CompiledPolicy(long id, String accountKey, String tier, String channel, Duration firstResponse,
        Duration nextResponse, Duration resolution, BusinessHours hours) implements PolicyPrecedence.Scoped {

    Duration target(SlaTarget target) {
        return switch (target) {
            case FIRST_RESPONSE -> firstResponse;
            case NEXT_RESPONSE -> nextResponse;
            case RESOLUTION -> resolution;
        };
    }
}
