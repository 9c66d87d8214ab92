package dev.signet.channel;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Which X API a brand account is served through. X gives v1.1 (timelines, DMs, status updates) only to
 * Enterprise access; self-serve apps get 403 there and use v2, where a public reply is allowed only to a post
 * that mentions (or quotes) the brand.
 */
public enum XApiVersion {
    /** X API v1.1 through Twitter4J (Enterprise access). */
    V1_1("v1.1"),
    /** X API v2 through a typed REST client (self-serve access). */
    V2("v2");

    private final String configValue;

    XApiVersion(String configValue) {
        this.configValue = configValue;
    }

    /** Whether X refuses a public reply to a post that did not mention or quote the brand. */
    public boolean publicRepliesNeedMention() {
        return this == V2;
    }

    public String configValue() {
        return configValue;
    }

    /** Reads {@code v1.1} or {@code v2} from configuration; anything else stops the start with a clear message. */
    public static class ConfigConverter implements Converter<XApiVersion> {

        @Override
        public XApiVersion convert(String value) {
            String trimmed = value == null ? "" : value.strip();
            return Arrays.stream(values())
                    .filter(version -> version.configValue.equalsIgnoreCase(trimmed))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown X API version '" + value + "'; use one of "
                            + Arrays.stream(values()).map(XApiVersion::configValue).collect(Collectors.joining(", "))));
        }
    }
}
