package dev.signet.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditRecord;
import io.agroal.api.AgroalDataSource;

/**
 * Writes checked CRM rows in one transaction with batched JDBC: existing customers are read 500 CRM ids per
 * query, new and changed ones written in JDBC batches, and the X identities the rows name linked by the exact
 * rules (user id; else a handle only one row names). A few statements per 500 rows, never one lookup per row:
 * Hibernate's per-entity flush would cost ten times more at 100,000 rows. Ids come from the same
 * sequences Hibernate uses ({@link #ids}).
 */
@ApplicationScoped
public class CrmWriter {

    static final int CHUNK = 500;
    /** A file this large reads and writes enough rows that stale planner statistics would hurt (see below). */
    static final int ANALYZE_FROM = 10_000;

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final CustomerAudit audit;

    public CrmWriter(AgroalDataSource dataSource, Clock clock, CustomerAudit audit) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    private record Stored(long id, String name, String email, String tier, BigDecimal lifetimeValue, String tags,
            String xUserId, String xHandle, String notes) {
    }

    private record Values(String crmId, String name, String email, String tier, BigDecimal lifetimeValue, String tags,
            String xUserId, String xHandle, String notes) {

        static Values of(CrmRecord r) {
            return new Values(r.crmId().trim(), r.name().trim(), r.email(), LoyaltyTier.parse(r.loyaltyTier()).name(),
                    (r.lifetimeValue() == null ? BigDecimal.ZERO : r.lifetimeValue()).setScale(2, RoundingMode.UNNECESSARY),
                    Tags.normalise(r.tags()), r.xUserId(),
                    r.xHandle() == null ? null : r.xHandle().startsWith("@") ? r.xHandle().substring(1) : r.xHandle(),
                    r.notes());
        }

        boolean sameAs(Stored s) {
            return name.equals(s.name) && Objects.equals(email, s.email) && tier.equals(s.tier)
                    && lifetimeValue.compareTo(s.lifetimeValue) == 0 && Objects.equals(tags, s.tags)
                    && Objects.equals(xUserId, s.xUserId) && Objects.equals(xHandle, s.xHandle)
                    && Objects.equals(notes, s.notes);
        }
    }

    private record IdentityRow(long id, String userId, String handle, Long customerId) {
    }

    /** One transaction for the whole file (up to 10 MB, ~100,000 rows): longer than the default 60 s timeout. */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport write(List<CrmRow> rows, String actor) {
        Instant now = clock.instant();
        List<Values> values = rows.stream().map(r -> Values.of(r.record())).toList();
        try (Connection con = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equalsIgnoreCase(con.getMetaData().getDatabaseProductName());
            if (postgres && rows.size() >= ANALYZE_FROM) {
                refreshStatistics(con);
            }
            Map<String, Stored> stored = loadCustomers(con, values.stream().map(Values::crmId).toList());
            List<Values> created = new ArrayList<>();
            List<Values> updated = new ArrayList<>();
            for (Values v : values) {
                Stored s = stored.get(v.crmId());
                if (s == null) {
                    created.add(v);
                } else if (!v.sameAs(s)) {
                    updated.add(v);
                }
            }
            Map<String, Long> customerIds = new HashMap<>();
            stored.forEach((crmId, s) -> customerIds.put(crmId, s.id()));
            List<Long> newIds = ids(con, postgres, "customer_seq", created.size());
            for (int i = 0; i < created.size(); i++) {
                customerIds.put(created.get(i).crmId(), newIds.get(i));
            }
            insertCustomers(con, created, customerIds, now);
            updateCustomers(con, updated, customerIds, now);
            int linked = link(con, postgres, values, customerIds, actor, now);
            return new ImportReport(true, rows.size(), created.size(), updated.size(),
                    rows.size() - created.size() - updated.size(), linked, List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("CRM import failed; nothing was imported: " + e.getMessage(), e);
        }
    }

    /**
     * Right after a large import PostgreSQL's statistics still describe the tables as they were (autovacuum
     * analyses later): the planner then scans {@code customer} for each 500-id look-up instead of using the
     * index, and re-importing the same 100,000 rows took minutes instead of seconds. ANALYZE samples the tables
     * (~30,000 rows, well under a second) and runs inside the transaction.
     */
    private static void refreshStatistics(Connection con) throws SQLException {
        try (java.sql.Statement analyze = con.createStatement()) {
            analyze.execute("analyze customer");
            analyze.execute("analyze social_identity");
        }
    }

    private static Map<String, Stored> loadCustomers(Connection con, List<String> crmIds) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        for (List<String> chunk : chunks(crmIds)) {
            try (PreparedStatement select = con.prepareStatement("""
                    select id, crm_id, name, email, loyalty_tier, lifetime_value, tags, x_user_id, x_handle, notes
                    from customer where crm_id in (%s)""".formatted(placeholders(chunk.size())))) {
                bindAll(select, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(2), new Stored(rs.getLong(1), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10)));
                    }
                }
            }
        }
        return stored;
    }

    private static void insertCustomers(Connection con, List<Values> created, Map<String, Long> ids, Instant now)
            throws SQLException {
        try (PreparedStatement insert = con.prepareStatement("""
                insert into customer (id, crm_id, name, email, loyalty_tier, lifetime_value, tags, x_user_id, x_handle,
                    notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (Values v : created) {
                insert.setLong(1, ids.get(v.crmId()));
                insert.setString(2, v.crmId());
                bindValues(insert, 3, v);
                insert.setObject(11, now.atOffset(ZoneOffset.UTC));
                insert.setObject(12, now.atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (++pending % CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void updateCustomers(Connection con, List<Values> updated, Map<String, Long> ids, Instant now)
            throws SQLException {
        try (PreparedStatement update = con.prepareStatement("""
                update customer set name = ?, email = ?, loyalty_tier = ?, lifetime_value = ?, tags = ?, x_user_id = ?,
                    x_handle = ?, notes = ?, updated_at = ? where id = ?""")) {
            int pending = 0;
            for (Values v : updated) {
                bindValues(update, 1, v);
                update.setObject(9, now.atOffset(ZoneOffset.UTC));
                update.setLong(10, ids.get(v.crmId()));
                update.addBatch();
                if (++pending % CHUNK == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    /** Binds name … notes (8 columns) from {@code first}. */
    private static void bindValues(PreparedStatement statement, int first, Values v) throws SQLException {
        statement.setString(first, v.name());
        nullable(statement, first + 1, v.email());
        statement.setString(first + 2, v.tier());
        statement.setBigDecimal(first + 3, v.lifetimeValue());
        nullable(statement, first + 4, v.tags());
        nullable(statement, first + 5, v.xUserId());
        nullable(statement, first + 6, v.xHandle());
        nullable(statement, first + 7, v.notes());
    }

    /**
     * Links identities by the exact rules: the row's X user id (creating the identity if it never wrote yet), or,
     * for a row without user id, its handle when exactly one identity goes by it, it is unlinked, and no other row
     * of the file names the same handle. A handle never overrides an id.
     */
    private int link(Connection con, boolean postgres, List<Values> values, Map<String, Long> customerIds,
            String actor, Instant now) throws SQLException {
        List<Values> byId = values.stream().filter(v -> v.xUserId() != null).toList();
        Map<String, Long> handleCount = new HashMap<>();
        values.stream().filter(v -> v.xUserId() == null && v.xHandle() != null)
                .forEach(v -> handleCount.merge(v.xHandle().toLowerCase(Locale.ROOT), 1L, Long::sum));
        List<Values> byHandle = values.stream().filter(v -> v.xUserId() == null && v.xHandle() != null
                && handleCount.get(v.xHandle().toLowerCase(Locale.ROOT)) == 1).toList();

        Map<String, IdentityRow> identitiesById = new HashMap<>();
        for (IdentityRow row : identities(con, "external_user_id", byId.stream().map(Values::xUserId).toList())) {
            identitiesById.put(row.userId(), row);
        }
        Map<String, List<IdentityRow>> identitiesByHandle = new HashMap<>();
        for (IdentityRow row : identities(con, "lower(handle)",
                byHandle.stream().map(v -> v.xHandle().toLowerCase(Locale.ROOT)).toList())) {
            identitiesByHandle.computeIfAbsent(row.handle().toLowerCase(Locale.ROOT), h -> new ArrayList<>()).add(row);
        }

        List<Object[]> links = new ArrayList<>(); // identity id, customer id, rule, previous customer, reason
        List<Values> newIdentities = new ArrayList<>();
        for (Values v : byId) {
            long customerId = customerIds.get(v.crmId());
            IdentityRow identity = identitiesById.get(v.xUserId());
            if (identity == null) {
                newIdentities.add(v);
            } else if (!Objects.equals(identity.customerId(), customerId)) {
                links.add(new Object[] { identity.id(), customerId, LinkRule.CRM_USER_ID, identity.customerId(),
                        "CRM record " + v.crmId() + " names X user id " + v.xUserId() });
            }
        }
        java.util.Set<Long> alreadyLinked = linkedCustomers(con, byHandle.stream().map(v -> customerIds.get(v.crmId())).toList());
        for (Values v : byHandle) {
            long customerId = customerIds.get(v.crmId());
            if (alreadyLinked.contains(customerId)) {
                continue; // the handle rule links once: a later owner of the handle is someone else
            }
            List<IdentityRow> candidates = identitiesByHandle.getOrDefault(v.xHandle().toLowerCase(Locale.ROOT), List.of());
            if (candidates.size() == 1 && candidates.get(0).customerId() == null) {
                links.add(new Object[] { candidates.get(0).id(), customerId, LinkRule.CRM_HANDLE, null,
                        "CRM record " + v.crmId() + " names handle @" + v.xHandle() + " (no user id; handle unique)" });
            }
        }

        List<Long> identityIds = ids(con, postgres, "social_identity_seq", newIdentities.size());
        try (PreparedStatement insert = con.prepareStatement("""
                insert into social_identity (id, network, external_user_id, handle, display_name, customer_id, link_rule,
                    linked_at, created_at) values (?, 'X', ?, ?, ?, ?, 'CRM_USER_ID', ?, ?)""")) {
            for (int i = 0; i < newIdentities.size(); i++) {
                Values v = newIdentities.get(i);
                long customerId = customerIds.get(v.crmId());
                insert.setLong(1, identityIds.get(i));
                insert.setString(2, v.xUserId());
                insert.setString(3, v.xHandle() != null ? v.xHandle() : v.xUserId());
                insert.setString(4, v.name());
                insert.setLong(5, customerId);
                insert.setObject(6, now.atOffset(ZoneOffset.UTC));
                insert.setObject(7, now.atOffset(ZoneOffset.UTC));
                insert.addBatch();
                links.add(new Object[] { identityIds.get(i), customerId, null, null,
                        "CRM record " + v.crmId() + " names X user id " + v.xUserId() });
                if ((i + 1) % CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = con.prepareStatement(
                "update social_identity set customer_id = ?, link_rule = ?, linked_at = ? where id = ?")) {
            int pending = 0;
            for (Object[] link : links) {
                if (link[2] == null) {
                    continue;
                }
                update.setLong(1, (Long) link[1]);
                update.setString(2, ((LinkRule) link[2]).name());
                update.setObject(3, now.atOffset(ZoneOffset.UTC));
                update.setLong(4, (Long) link[0]);
                update.addBatch();
                if (++pending % CHUNK == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
        List<AuditRecord> audits = new ArrayList<>(links.size());
        for (Object[] link : links) {
            if (link[3] != null) {
                audits.add(CustomerAudit.entry((Long) link[3], AuditAction.UNLINKED, (Long) link[0], (Long) link[1], actor,
                        (String) link[4] + " of another customer"));
            }
            audits.add(CustomerAudit.entry((Long) link[1], AuditAction.LINKED, (Long) link[0], (Long) link[3], actor,
                    (String) link[4]));
        }
        audit.recordAll(audits);
        return links.size();
    }

    private static java.util.Set<Long> linkedCustomers(Connection con, List<Long> customerIds) throws SQLException {
        java.util.Set<Long> linked = new java.util.HashSet<>();
        for (List<Long> chunk : chunks(customerIds)) {
            try (PreparedStatement select = con.prepareStatement(
                    "select distinct customer_id from social_identity where customer_id in (%s)".formatted(placeholders(chunk.size())))) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        linked.add(rs.getLong(1));
                    }
                }
            }
        }
        return linked;
    }

    private static List<IdentityRow> identities(Connection con, String column, List<String> keys) throws SQLException {
        List<IdentityRow> found = new ArrayList<>();
        for (List<String> chunk : chunks(keys)) {
            try (PreparedStatement select = con.prepareStatement(
                    "select id, external_user_id, handle, customer_id from social_identity where network = 'X' and %s in (%s)"
                            .formatted(column, placeholders(chunk.size())))) {
                bindAll(select, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        // Read as an object: wasNull() after the later getString calls spoke of the handle, so an
                        // unlinked identity came out as customer 0 and its audit row broke the foreign key.
                        found.add(new IdentityRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, Long.class)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * {@code count} fresh ids from a sequence Hibernate also draws from, one {@code nextval} each (fetched in one
     * statement). Hibernate reads each value it draws as the start (pooled-lo) or end (pooled) of a block of 50;
     * values are 50 apart, so a value taken whole here never falls in any of Hibernate's blocks, whichever it is.
     * (It spends the sequence 50 times faster than Hibernate does: 2^63 leaves room enough.)
     */
    static List<Long> ids(Connection con, boolean postgres, String sequence, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        if (count == 0) {
            return ids;
        }
        String sql = postgres
                ? "select nextval('" + sequence + "') from generate_series(1, " + count + ")"
                : "select next value for " + sequence + " from system_range(1, " + count + ")";
        try (PreparedStatement next = con.prepareStatement(sql); ResultSet rs = next.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bindAll(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    private static void nullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

}
