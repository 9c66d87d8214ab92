package dev.signet.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How pages show times: waiting times as "12 min", moments as "14:05 · 23 Nov" (UTC). */
@TemplateExtension
public final class TimeExtensions {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm · d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TimeExtensions() {
    }

    /** How long ago, coarse: "just now", "12 min", "3 h 5 min", "2 d 4 h". */
    static String ago(Instant instant) {
        return humanize(Duration.between(instant, Instant.now()));
    }

    static String moment(Instant instant) {
        return MOMENT.format(instant) + " UTC";
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String humanize(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }
}
