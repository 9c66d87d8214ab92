package dev.signet.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a feature adds to a customer's timeline from its own tables: the customer feature asks every contributor
 * (a CDI bean) for the newest entries of one customer and merges them in Java. Each contributor runs a fixed
 * number of SQL statements per call whatever the page size (usually one), and reads only its own package's
 * tables: the customer's identities are given, so nobody reads {@code social_identity} but this package.
 */
public interface TimelineContributor {

    /** The newest {@code window.limit()} entries of the customer, newest first, and how many there are in all. */
    Slice newest(Window window);

    /**
     * What the timeline needs from each contributor.
     *
     * @param customerId  the customer
     * @param identityIds the customer's X identities (the conversations are theirs); may be empty
     * @param limit       the entries wanted: those of the page and every newer page
     */
    record Window(long customerId, List<Long> identityIds, int limit) {
    }

    /** A contributor's newest entries (newest first, at most the window's limit) and its total for the customer. */
    record Slice(List<TimelineEntry> newest, long total) {

        public static final Slice EMPTY = new Slice(List.of(), 0);

        /**
         * The slice of a native query's rows whose last column is {@code count(*) over ()} (the total before the
         * limit: one statement gives both).
         */
        /**
         * The newest rows of one native query over the window's identities ({@code :ids}), its last column being
         * {@code count(*) over ()}: the one statement every contributor runs.
         */
        @SuppressWarnings("unchecked")
        public static Slice newest(jakarta.persistence.EntityManager em, String sql, Window window,
                Function<Object[], TimelineEntry> entry) {
            if (window.identityIds().isEmpty()) {
                return EMPTY;
            }
            return of(em.createNativeQuery(sql).setParameter("ids", window.identityIds())
                    .setMaxResults(window.limit()).getResultList(), entry);
        }

        public static Slice of(List<Object[]> rows, Function<Object[], TimelineEntry> entry) {
            if (rows.isEmpty()) {
                return EMPTY;
            }
            List<TimelineEntry> entries = new ArrayList<>(rows.size());
            rows.forEach(r -> entries.add(entry.apply(r)));
            Object[] first = rows.get(0);
            return new Slice(entries, ((Number) first[first.length - 1]).longValue());
        }
    }
}
