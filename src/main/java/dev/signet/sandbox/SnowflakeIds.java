package dev.signet.sandbox;

import java.security.SecureRandom;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Makes X-style snowflake ids: 41 bits of milliseconds since X's epoch, 10 bits of worker, 12 bits of sequence.
 * Ids grow with time, exceed 2^53 (as real X ids do, which is what breaks clients that parse them as doubles),
 * and sort like the moments they were made.
 * <p>
 * Hand-written rather than taken from a library because it is a dozen lines and the sandbox needs one thing no
 * library offers: ids for moments in the past ({@link #idAt(Instant)}), so that seeded history keeps
 * id order = time order. The worker bits are random per instance so that two replicas sharing a database do
 * not collide.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SnowflakeIds {

    /** X's epoch: 2010-11-04T01:42:54.657Z. */
    static final long TWITTER_EPOCH_MILLIS = 1288834974657L;
    private static final int SEQUENCE_BITS = 12;
    private static final int WORKER_BITS = 10;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final long WORKER_MASK = (1L << WORKER_BITS) - 1;

    private final long worker;
    private long lastMillis = -1;
    private long sequence;
    private long pastSequence;

    public SnowflakeIds() {
        this(new SecureRandom().nextInt(1 << WORKER_BITS));
    }

    SnowflakeIds(long worker) {
        this.worker = worker & WORKER_MASK;
    }

    /** A new id for now, strictly greater than every id this instance made before. */
    public synchronized long nextId() {
        long millis = Math.max(System.currentTimeMillis(), lastMillis);
        if (millis == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                // 4096 ids in one millisecond: borrow the next millisecond rather than wait for it.
                millis++;
            }
        } else {
            sequence = 0;
        }
        lastMillis = millis;
        return compose(millis, sequence);
    }

    /** An id for a past moment (seeded history); ids made for the same moment still differ. */
    public synchronized long idAt(Instant moment) {
        pastSequence = (pastSequence + 1) & SEQUENCE_MASK;
        return compose(moment.toEpochMilli(), pastSequence);
    }

    /** The moment an id was made, to the millisecond. */
    public static Instant instantOf(long id) {
        return Instant.ofEpochMilli((id >>> (SEQUENCE_BITS + WORKER_BITS)) + TWITTER_EPOCH_MILLIS);
    }

    private long compose(long epochMillis, long seq) {
        return ((epochMillis - TWITTER_EPOCH_MILLIS) << (SEQUENCE_BITS + WORKER_BITS)) | (worker << SEQUENCE_BITS) | seq;
    }
}
