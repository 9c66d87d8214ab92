package dev.signet.reply;

/** Names of the messaging channels of the reply feature (Kafka transport only; in-process, replies go direct). */
public final class Channels {

    /** Replies stored and waiting to be published, sent by {@link KafkaReplyDispatcher} to the outbound topic. */
    public static final String OUTBOUND = "outbound";

    /**
     * The outbound topic as the publisher reads it: a channel name of its own because SmallRye lets a channel
     * have one producer and one consumer, and with Kafka those are the topic's two ends.
     */
    public static final String OUTBOUND_TOPIC = "outbound-topic";

    private Channels() {
    }
}
