package dev.signet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.care.ServiceLevelClock;

/**
 * Tells care when a conversation's next target falls due (see {@link ServiceLevelClock}): first response until we
 * answered, then the next response while the customer waits (a pending promised update stands in for it), and
 * resolution throughout; the earliest counts.
 */
@ApplicationScoped
public class SlaClock implements ServiceLevelClock {

    private final SlaPolicies policies;
    private final SlaConfig config;

    public SlaClock(SlaPolicies policies, SlaConfig config) {
        this.policies = policies;
        this.config = config;
    }

    @Override
    public Due next(Facts f) {
        Optional<CompiledPolicy> found = policies.forConversation(f.accountKey(), f.tier().name(), f.kind().name());
        if (found.isEmpty()) {
            return null;
        }
        CompiledPolicy p = found.get();
        Due due = new Due(SlaTarget.RESOLUTION.label(), p.hours().plus(f.firstMessageAt(), p.resolution()));
        if (!f.promisePending()) {
            if (f.firstResponseAt() == null) {
                due = earlier(due, SlaTarget.FIRST_RESPONSE, p.hours().plus(f.firstMessageAt(), p.firstResponse()));
            } else if (f.waitingSince() != null) {
                due = earlier(due, SlaTarget.NEXT_RESPONSE, p.hours().plus(f.waitingSince(), p.nextResponse()));
            }
        }
        return due;
    }

    private static Due earlier(Due current, SlaTarget target, Instant at) {
        return at.isBefore(current.at()) ? new Due(target.label(), at) : current;
    }

    @Override
    public int points() {
        return config.priorityPoints();
    }

    /** The breaching-soon window of the queue's filter. */
    public Duration breachingSoon() {
        return config.breachingSoon();
    }
}
