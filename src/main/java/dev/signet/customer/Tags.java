package dev.signet.customer;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Customer tags: a comma-separated list, trimmed, without duplicates, in the order first given. */
final class Tags {

    private Tags() {
    }

    /** Normalises a CRM value ({@code "vip; frequent flyer"} or {@code "vip,frequent flyer"}); blank → null. */
    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<String> tags = parts(raw);
        return tags.isEmpty() ? null : String.join(", ", tags);
    }

    static String union(String a, String b) {
        Set<String> tags = parts(a == null ? "" : a);
        tags.addAll(parts(b == null ? "" : b));
        return tags.isEmpty() ? null : String.join(", ", tags);
    }

    private static Set<String> parts(String raw) {
        return Arrays.stream(raw.split("[,;]")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
