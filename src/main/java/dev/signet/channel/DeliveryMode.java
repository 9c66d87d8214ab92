package dev.signet.channel;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * How a brand account's new mentions and DMs reach Signet. In the two push modes X's Activity API delivers them as
 * they happen and polling only reconciles, rarely ({@link ChannelConfig.Account#reconcileInterval()}).
 */
public enum DeliveryMode {
    /** Signet polls X's timelines (the only mode of v1.1 accounts). */
    POLL("poll"),
    /** Signet holds an outbound activity stream open ({@code GET /2/activity/stream}): no public endpoint needed. */
    STREAM("stream"),
    /** X posts each event to Signet's webhook ({@code /webhooks/x/<account>}), which must be reachable from X. */
    WEBHOOK("webhook");

    private final String configValue;

    DeliveryMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    /** Whether X pushes the account's events (stream or webhook). */
    public boolean pushed() {
        return this != POLL;
    }

    /** Reads {@code poll}, {@code stream} or {@code webhook}; anything else stops the start with a clear message. */
    public static class ConfigConverter implements Converter<DeliveryMode> {

        @Override
        public DeliveryMode convert(String value) {
            String trimmed = value == null ? "" : value.strip();
            return Arrays.stream(values())
                    .filter(mode -> mode.configValue.equalsIgnoreCase(trimmed))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown delivery mode '" + value + "'; use one of "
                            + Arrays.stream(values()).map(DeliveryMode::configValue).collect(Collectors.joining(", "))));
        }
    }
}
