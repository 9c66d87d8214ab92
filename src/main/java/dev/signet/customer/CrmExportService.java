package dev.signet.customer;

import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import io.agroal.api.AgroalDataSource;

/**
 * Exports every customer (not merged away) as CSV in the import's format, cells defused against formula
 * injection ({@link CrmCsv#defuse}). Streams rows from one query with a fetch size, so memory stays flat.
 */
@ApplicationScoped
public class CrmExportService {

    private final AgroalDataSource dataSource;
    private final AuditTrail audit;

    public CrmExportService(AgroalDataSource dataSource, AuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Writes every customer to {@code out}; the export is audited (who took the customer list). */
    @Transactional
    public void export(Writer out, String actor) {
        audit.record(actor, AuditAction.EXPORTED, AuditTarget.of(AuditTarget.EXPORT, "customers"), Map.of("format", "csv"));
        try (Connection con = dataSource.getConnection();
                PreparedStatement select = con.prepareStatement("""
                        select crm_id, name, email, loyalty_tier, lifetime_value, tags, x_user_id, x_handle, notes
                        from customer where merged_into_id is null order by crm_id, id""")) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                CrmCsv.write(out, () -> new java.util.Iterator<List<String>>() {
                    private Boolean ahead;

                    @Override
                    public boolean hasNext() {
                        if (ahead == null) {
                            try {
                                ahead = rs.next();
                            } catch (SQLException e) {
                                throw new IllegalStateException("Export failed: " + e.getMessage(), e);
                            }
                        }
                        return ahead;
                    }

                    @Override
                    public List<String> next() {
                        if (!hasNext()) {
                            throw new java.util.NoSuchElementException();
                        }
                        ahead = null;
                        try {
                            BigDecimal value = rs.getBigDecimal(5);
                            List<String> row = new ArrayList<>(Arrays.asList(rs.getString(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4).toLowerCase(java.util.Locale.ROOT),
                                    value == null ? null : value.toPlainString(), rs.getString(6), rs.getString(7),
                                    rs.getString(8), rs.getString(9)));
                            return row;
                        } catch (SQLException e) {
                            throw new IllegalStateException("Export failed: " + e.getMessage(), e);
                        }
                    }
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Export failed: " + e.getMessage(), e);
        }
    }
}
