package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Trigram indexes for customer search on PostgreSQL (pg_trgm, a trusted extension since PostgreSQL 13): they
 * serve {@code lower(column) like '%term%'} on names, emails, CRM ids and current and past handles, so a search
 * stays in milliseconds with 100,000 customers. H2 (the embedded default, a few hundred customers) has no
 * pg_trgm and no expression indexes, and scans; a SQL migration can't say "PostgreSQL only", hence Java.
 */
public class V31__customer_search_trigram_indexes extends BaseJavaMigration {

    private static final String[] INDEXES = {
            "create index ix_customer_name_trgm on customer using gin (lower(name) gin_trgm_ops)",
            "create index ix_customer_email_trgm on customer using gin (lower(email) gin_trgm_ops)",
            "create index ix_customer_crm_id_trgm on customer using gin (lower(crm_id) gin_trgm_ops)",
            "create index ix_customer_x_handle_trgm on customer using gin (lower(x_handle) gin_trgm_ops)",
            "create index ix_social_identity_handle_trgm on social_identity using gin (lower(handle) gin_trgm_ops)",
            "create index ix_handle_history_handle_trgm on handle_history using gin (lower(handle) gin_trgm_ops)",
            // Exact, case-insensitive handle look-ups of the CRM import and intake's handle rule.
            "create index ix_social_identity_handle_lower on social_identity (lower(handle))",
            "create index ix_customer_x_handle_lower on customer (lower(x_handle))",
    };

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create extension if not exists pg_trgm");
            for (String index : INDEXES) {
                statement.execute(index);
            }
        }
    }
}
