package dev.signet.security;

import java.util.List;
import java.util.Map;

import dev.signet.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A fresh install on local passwords: a database of its own (the run's test database name + {@code _bootstrap},
 * cleaned at start like every test database), so no admin exists yet; a bootstrap token set as production would from
 * {@code SIGNET_BOOTSTRAP_TOKEN}.
 */
public class BootstrapProfile implements QuarkusTestProfile {

    static final String TOKEN = "bootstrap-token-for-tests-0123456789";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", url(), "signet.security.bootstrap-token", TOKEN);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshDatabase.class));
    }

    static String url() {
        String run = PostgresTestDatabase.runUrl();
        int query = run.indexOf('?');
        if ((query < 0 ? run : run.substring(0, query)).endsWith("_bootstrap")) {
            return run; // already this profile's (Quarkus may expose the overrides as system properties)
        }
        return query < 0 ? run + "_bootstrap" : run.substring(0, query) + "_bootstrap" + run.substring(query);
    }

    /** Creates the profile's database before Quarkus starts. */
    public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            PostgresTestDatabase.ensureExists(url());
            return Map.of();
        }

        @Override
        public void stop() {
            // Kept between runs; Flyway cleans it at the next start.
        }
    }
}
