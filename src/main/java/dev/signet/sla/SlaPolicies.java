package dev.signet.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import dev.signet.care.ServiceLevelRefresh;

import dev.signet.channel.AccountTimeZones;

/**
 * This replica's copy of every policy, compiled (business hours parsed in the account's zone): the queue asks for a
 * due time on every change of a conversation, so policies are not read each time. Refreshed after a change made
 * here and at the latest every {@code signet.sla.policy-refresh} (changes made on another replica).
 */
@ApplicationScoped
public class SlaPolicies {

    private static final Logger LOG = Logger.getLogger(SlaPolicies.class);

    private record Snapshot(List<CompiledPolicy> policies, Instant readAt) {
    }

    private final SlaPolicyRepository repository;
    private final AccountTimeZones zones;
    private final SlaConfig config;
    private final Clock clock;
    private final ServiceLevelRefresh refresh;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public SlaPolicies(SlaPolicyRepository repository, AccountTimeZones zones, SlaConfig config, Clock clock,
            ServiceLevelRefresh refresh) {
        this.refresh = refresh;
        this.repository = repository;
        this.zones = zones;
        this.config = config;
        this.clock = clock;
    }

    /** The policy that applies to a conversation of this account, tier and channel (see {@link PolicyPrecedence}). */
    public Optional<CompiledPolicy> forConversation(String accountKey, String tier, String channel) {
        return PolicyPrecedence.choose(current(), accountKey, tier, channel);
    }

    /** Every policy, compiled. */
    List<CompiledPolicy> current() {
        Snapshot s = snapshot.get();
        Instant now = clock.instant();
        if (s == null || s.readAt().plus(config.policyRefresh()).isBefore(now)) {
            s = new Snapshot(load(), now);
            snapshot.set(s);
        }
        return s.policies();
    }

    /** Forget the copy: the next question reads the policies again. */
    void changed() {
        snapshot.set(null);
    }

    /**
     * A policy change committed: forget the copy, then recompute the due times of the account's open conversations
     * (their stored order key includes them).
     */
    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaPolicyChanged change) {
        changed();
        int done = refresh.reprioritizeOpen(change.accountKey());
        LOG.infof("sla policy change applied: account=%s open_conversations=%d", change.accountKey(), done);
    }

    /** Reads in the caller's transaction (the queue's change, or the page's request). */
    List<CompiledPolicy> load() {
        return repository.everything().stream().map(p -> {
            SlaPolicyView v = p.view();
            return new CompiledPolicy(p.id(), p.accountKey(), p.tier(), p.channel(),
                    p.target(SlaTarget.FIRST_RESPONSE), p.target(SlaTarget.NEXT_RESPONSE), p.target(SlaTarget.RESOLUTION),
                    p.businessHours(zones.of(v.accountKey())));
        }).toList();
    }
}
