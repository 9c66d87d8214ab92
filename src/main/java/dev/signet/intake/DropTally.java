package dev.signet.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/** Dropped messages of one batch, added up per account and reason before they are written. */
final class DropTally {

    private record Key(String accountKey, IntakeResult reason) {
    }

    private record Count(long count, String lastExternalId) {
    }

    private final Map<Key, Count> counts = new LinkedHashMap<>();

    void count(String accountKey, IntakeResult reason, String externalId) {
        counts.merge(new Key(accountKey, reason), new Count(1, externalId),
                (old, added) -> new Count(old.count() + 1, added.lastExternalId()));
    }

    void forEach(Sink sink) {
        counts.forEach((key, count) -> sink.accept(key.accountKey(), key.reason(), count.count(), count.lastExternalId()));
    }

    @FunctionalInterface
    interface Sink {
        void accept(String accountKey, IntakeResult reason, long count, String lastExternalId);
    }
}
