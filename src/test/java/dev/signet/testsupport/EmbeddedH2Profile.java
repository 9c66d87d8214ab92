package dev.signet.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs a test on the embedded default's database: H2 (in memory here, in PostgreSQL mode as in
 * {@code %dev}) instead of the real PostgreSQL, to prove the embedded default's migrations and queries work.
 */
public class EmbeddedH2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.url",
                "jdbc:h2:mem:signet-embedded;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "quarkus.datasource.username", "signet",
                "quarkus.datasource.password", "signet",
                "quarkus.flyway.clean-at-start", "false",
                "quarkus.flyway.placeholders.queue_open_only", "/* H2: a full index */",
                "quarkus.flyway.placeholders.postgresql_only_begin", "/* H2: no trigger",
                "quarkus.flyway.placeholders.postgresql_only_end", "*/");
    }
}
