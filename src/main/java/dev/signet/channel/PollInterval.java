package dev.signet.channel;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code signet.channel.poll-interval} as the scheduler does ({@code 10s}, {@code 2m}, {@code 1h},
 * {@code 500ms}, an ISO-8601 duration, or {@code off}/{@code disabled}).
 */
public final class PollInterval {

    private PollInterval() {
    }

    /** The interval, or empty when polling is off. */
    public static Optional<Duration> parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("disabled")) {
            return Optional.empty();
        }
        if (v.startsWith("pt") || v.startsWith("p")) {
            return Optional.of(Duration.parse(value.strip().toUpperCase(Locale.ROOT)));
        }
        if (v.endsWith("ms")) {
            return Optional.of(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))));
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        return Optional.of(switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("Unreadable poll interval " + value);
        });
    }
}
