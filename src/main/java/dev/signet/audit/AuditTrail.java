package dev.signet.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.signet.common.DatabaseDialect;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way to write the audit log, and to read it. {@link #record} joins the caller's transaction (it refuses to
 * run without one), so an entry exists exactly when the action it records was committed. The request's remote
 * address is taken from the current HTTP request, when there is one (none for scheduled work such as the publisher).
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what an exact rule or a scheduled job did rather than a person. */
    public static final String SYSTEM = "system";
    /** Longest text kept per detail value: the detail is a small summary, never a message's text. */
    static final int DETAIL_VALUE_MAX = 300;
    /** Largest page of the list. */
    public static final int PAGE_MAX = 200;
    /** The last page anyone can ask for: page × size stays well inside an int. */
    static final int PAGE_LAST = 1_000_000;
    private static final int BATCH = 500;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final AuditEntryRepository entries;
    private final AgroalDataSource dataSource;
    private final DatabaseDialect dialect;
    private final ObjectMapper mapper;
    /** Tolerant of raw control characters: entries carried over from customer_audit (V240) were built in SQL. */
    private final ObjectReader reader;
    private final CurrentVertxRequest request;
    private final Clock clock;

    public AuditTrail(AuditEntryRepository entries, AgroalDataSource dataSource, DatabaseDialect dialect,
            ObjectMapper mapper, CurrentVertxRequest request, Clock clock) {
        this.entries = entries;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.mapper = mapper;
        this.reader = mapper.readerFor(MAP).with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS);
        this.request = request;
        this.clock = clock;
    }

    /** Records an action in the caller's transaction, with the current request's remote address. */
    @Transactional(TxType.MANDATORY)
    public void record(String actor, AuditAction action, AuditTarget target, Map<String, ?> detail) {
        entries.persist(new AuditEntry(clock.instant(), actor(actor), action, target, json(detail), remoteAddress()));
    }

    /**
     * Records a login or a failed one, in a transaction of its own (authentication runs in none). The user name as
     * typed, never the password; the remote address is given by the authentication, which runs off the request.
     */
    @Transactional(TxType.REQUIRED)
    public void recordLogin(String username, boolean succeeded, String via, String remoteAddress) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("via", via);
        String name = username == null || username.isBlank() ? "(none)" : username;
        entries.persist(new AuditEntry(clock.instant(), actor(name), succeeded ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED,
                AuditTarget.of(AuditTarget.USER, name), json(detail), remoteAddress));
    }

    /**
     * Records many entries at once with batched JDBC on the transaction's connection, for bulk work (a CRM import
     * linking thousands of identities) where one entity per entry would cost more than the work itself.
     */
    @Transactional(TxType.MANDATORY)
    public void recordAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String address = remoteAddress();
        try (Connection con = dataSource.getConnection()) {
            List<Long> ids = ids(con, records.size());
            try (PreparedStatement insert = con.prepareStatement("""
                    insert into audit_entry (id, at, actor, action, target_type, target_id, detail, remote_address)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < records.size(); i++) {
                    AuditRecord r = records.get(i);
                    insert.setLong(1, ids.get(i));
                    insert.setTimestamp(2, now);
                    insert.setString(3, actor(r.actor()));
                    insert.setString(4, r.action().name());
                    insert.setString(5, r.target().type());
                    insert.setString(6, r.target().id());
                    insert.setString(7, json(r.detail()));
                    insert.setString(8, address);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit entries could not be written", e);
        }
    }

    /** One page of entries matching the filter, newest first. */
    @Transactional
    public AuditList list(AuditFilter filter, int page, int size) {
        if (page < 0 || page > PAGE_LAST || size < 1 || size > PAGE_MAX) {
            throw new AuditQueryException("page is 0 to " + PAGE_LAST + ", size 1 to " + PAGE_MAX + ".");
        }
        Query q = query(filter);
        // One more than asked, to know whether a next page exists.
        List<AuditEntry> found = entries.find(q.jpql() + " order by at desc, id desc", q.params())
                .range(page * size, page * size + size).list();
        boolean more = found.size() > size;
        return new AuditList(found.stream().limit(size).map(this::view).toList(), page, size, more);
    }

    /** The latest entries about one target (e.g. a customer's page shows its links and merges). */
    @Transactional
    public List<AuditView> about(AuditTarget target, int limit) {
        return entries.find("targetType = ?1 and targetId = ?2 order by at desc, id desc", target.type(), target.id())
                .page(0, limit).list().stream().map(this::view).toList();
    }

    /**
     * Writes the matching entries as CSV (newest first) and records the export itself, in one transaction. Cells
     * that a spreadsheet would run as a formula are defused.
     */
    @Transactional
    public void exportCsv(AuditFilter filter, String actor, Writer out) {
        record(actor, AuditAction.EXPORTED, AuditTarget.of(AuditTarget.EXPORT, "audit"), filterDetail(filter));
        Query q = query(filter);
        // The printer is flushed, not closed: closing it would close the caller's writer.
        try (Stream<AuditEntry> rows = entries.find(q.jpql() + " order by at desc, id desc", q.params()).stream()) {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader("id", "at", "actor", "action", "target_type", "target_id", "detail", "remote_address").get());
            for (AuditEntry e : (Iterable<AuditEntry>) rows::iterator) {
                csv.printRecord(e.id(), e.at(), defuse(e.actor()), e.action(), defuse(e.targetType()),
                        defuse(e.targetId()), defuse(e.detail()), e.remoteAddress());
                entries.getEntityManager().detach(e);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The audit CSV could not be written", e);
        }
    }

    /** The filter as an export's detail: what was exported. */
    static Map<String, Object> filterDetail(AuditFilter f) {
        Map<String, Object> detail = new LinkedHashMap<>();
        put(detail, "actor", f.actor());
        put(detail, "action", f.action());
        put(detail, "targetType", f.targetType());
        put(detail, "targetId", f.targetId());
        put(detail, "from", f.from());
        put(detail, "to", f.to());
        return detail;
    }

    private static void put(Map<String, Object> detail, String key, Object value) {
        if (value != null) {
            detail.put(key, String.valueOf(value));
        }
    }

    /**
     * A cell that starts like a formula ({@code = + - @}, tab, carriage return) gets a leading apostrophe, as OWASP
     * advises for CSV injection; commons-csv quotes but does not defuse.
     */
    static String defuse(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }

    private record Query(String jpql, Map<String, Object> params) {
    }

    private static Query query(AuditFilter f) {
        StringBuilder jpql = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.actor() != null) {
            jpql.append(" and actor = :actor");
            params.put("actor", f.actor());
        }
        if (f.action() != null) {
            jpql.append(" and action = :action");
            params.put("action", f.action());
        }
        if (f.targetType() != null) {
            jpql.append(" and targetType = :targetType");
            params.put("targetType", f.targetType());
        }
        if (f.targetId() != null) {
            jpql.append(" and targetId = :targetId");
            params.put("targetId", f.targetId());
        }
        if (f.from() != null) {
            jpql.append(" and at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            jpql.append(" and at < :to");
            params.put("to", f.to());
        }
        return new Query(jpql.toString(), params);
    }

    private AuditView view(AuditEntry e) {
        return new AuditView(e.id(), e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), detail(e.detail()),
                e.remoteAddress());
    }

    private Map<String, Object> detail(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            // A detail is text Signet wrote; one that does not parse is shown as it is rather than hidden.
            return Map.of("raw", json);
        }
    }

    private String json(Map<String, ?> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        Map<String, Object> small = new LinkedHashMap<>();
        detail.forEach((k, v) -> {
            if (v != null) {
                small.put(k, v instanceof String s && s.length() > DETAIL_VALUE_MAX ? s.substring(0, DETAIL_VALUE_MAX) + "…"
                        : v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
            }
        });
        try {
            return mapper.writeValueAsString(small);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit detail could not be written as JSON", e);
        }
    }

    private static String actor(String actor) {
        String a = actor == null || actor.isBlank() ? SYSTEM : actor;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    /** The current HTTP request's client address (behind a proxy, as Quarkus' forwarding settings resolve it). */
    private String remoteAddress() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        RoutingContext rc = request.getCurrent();
        return rc == null ? null : address(rc);
    }

    /** The client address of a request, for callers that run off the request (authentication). */
    public static String address(RoutingContext rc) {
        return rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
    }

    private List<Long> ids(Connection con, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        String sql = dialect.isH2()
                ? "select next value for audit_entry_seq from system_range(1, " + count + ")"
                : "select nextval('audit_entry_seq') from generate_series(1, " + count + ")";
        try (PreparedStatement next = con.prepareStatement(sql); ResultSet rs = next.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
