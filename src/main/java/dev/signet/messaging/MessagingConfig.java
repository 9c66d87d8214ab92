package dev.signet.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How Signet's features hand messages to each other: in-process (the embedded default and the tests) or
 * through Kafka topics (production), where every replica consumes its share of the partitions and one
 * conversation's messages, keyed by conversation, stay in order on one partition. The Kafka connection
 * itself ({@code kafka.bootstrap.servers}, security) and the channel attachments ({@code mp.messaging.*})
 * are set in application.properties under {@code %prod}; their topic keys point here.
 */
@ConfigMapping(prefix = "signet.messaging")
public interface MessagingConfig {

    /**
     * {@code in-process} or {@code kafka}. Read at build time: it decides which listeners and dispatchers are
     * part of the application, so the production jar ({@code kafka}) and the embedded default
     * ({@code in-process}) are built differently; changing it at run time has no effect.
     */
    @WithDefault("in-process")
    Transport transport();

    /** Topic of fetched messages on their way to intake (key: the message's conversation key). */
    @WithDefault("signet.inbound")
    String inboundTopic();

    /**
     * Where intake puts an inbound record it can never store (not an inbound message, or refused for good),
     * byte for byte, with the reason in the {@code dead-letter-reason} header.
     */
    @WithDefault("signet.inbound.dead-letter")
    String inboundDeadLetterTopic();

    /** Topic of replies waiting to be published on the network (key: the conversation id). */
    @WithDefault("signet.outbound")
    String outboundTopic();

    /** Where the publisher puts an outbound record it can't read, with the reason in {@code dead-letter-reason}. */
    @WithDefault("signet.outbound.dead-letter")
    String outboundDeadLetterTopic();

    /**
     * How many times intake tries to store an inbound record that fails for a reason other than the record
     * itself (the database unreachable, a lock timeout) before it gives up and dead-letters it; the attempts are
     * spaced 1 s, 2 s, 4 s … (at most 30 s) apart, and the partition waits meanwhile, so order is kept.
     */
    @WithDefault("8")
    int intakeAttempts();

    /** The two ways messages travel between features. */
    enum Transport {
        /** SmallRye channels inside one JVM. */
        IN_PROCESS,
        /** Kafka topics, shared by every replica. */
        KAFKA
    }
}
