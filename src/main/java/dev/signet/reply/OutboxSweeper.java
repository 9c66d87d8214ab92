package dev.signet.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox entries that were left behind: a passing failure whose backoff is over, a reply stored just
 * before a restart, and entries left PUBLISHING by a publisher that stopped mid-publish (taken back after
 * {@link PublisherConfig#stuckTimeout()} and looked up on X before being sent again). Entries younger than the
 * grace period are left to the request that stored them. Every replica sweeps; the claim keeps them apart. It also
 * looks up the X ids of replies X accepted without naming them ({@link ReplyPublisher#recoverId}).
 */
@ApplicationScoped
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class);
    private static final int BATCH = 100;
    /** Look-ups of the X id of one reply accepted without it, before it is left unknown (the reply is SENT). */
    static final int MAX_ID_LOOKUPS = 3;

    private final OutboxRepository outbox;
    private final ReplyPublisher publisher;
    private final PublisherConfig config;
    private final Clock clock;

    public OutboxSweeper(OutboxRepository outbox, ReplyPublisher publisher, PublisherConfig config, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "outbox-sweep", every = "${signet.reply.publisher.sweep-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        due().forEach(publisher::publish);
        recoverIds();
    }

    /**
     * Looks up the X ids of replies X accepted without naming them, once they are older than the grace period (X
     * has them indexed by then), at most {@link #MAX_ID_LOOKUPS} times each: every look-up costs X requests.
     * Returns how many were found.
     */
    int recoverIds() {
        Instant now = clock.instant();
        List<Long> unknown = QuarkusTransaction.requiringNew()
                .call(() -> outbox.idsToRecover(now.minus(config.grace()), MAX_ID_LOOKUPS, BATCH));
        return (int) unknown.stream().filter(publisher::recoverId).count();
    }

    /** Takes back stuck entries, then lists the pending ones that are due. */
    List<Long> due() {
        Instant now = clock.instant();
        int released = QuarkusTransaction.requiringNew()
                .call(() -> outbox.releaseStuck(now.minus(config.stuckTimeout()), now));
        if (released > 0) {
            LOG.warnf("outbox: took back %d replies left PUBLISHING for over %s", released, config.stuckTimeout());
        }
        return QuarkusTransaction.requiringNew().call(() -> outbox.due(now.minus(config.grace()), now, BATCH));
    }
}
