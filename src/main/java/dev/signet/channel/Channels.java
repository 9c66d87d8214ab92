package dev.signet.channel;

/** Names of the messaging channels of the channel feature. */
public final class Channels {

    /**
     * Messages fetched from networks, sent by the poller. In-process (embedded default, tests) intake consumes
     * this channel directly; with Kafka it is attached to the inbound topic ({@code signet.messaging.inbound-topic}).
     */
    public static final String INBOUND = "inbound";

    /**
     * The inbound topic as intake reads it, with Kafka only: a channel name of its own because SmallRye lets a
     * channel have one producer and one consumer, and with Kafka those are the topic's two ends.
     */
    public static final String INBOUND_TOPIC = "inbound-topic";

    private Channels() {
    }
}
