package dev.signet.security;

import java.util.HashMap;
import java.util.Map;

import dev.signet.testsupport.EmbeddedH2Profile;

/**
 * A fresh install on local passwords: its own empty H2 database (no admin yet, which also proves the migrations on
 * H2), a bootstrap token set as production would from {@code SIGNET_BOOTSTRAP_TOKEN}.
 */
public class BootstrapProfile extends EmbeddedH2Profile {

    static final String TOKEN = "bootstrap-token-for-tests-0123456789";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.datasource.jdbc.url",
                "jdbc:h2:mem:signet-bootstrap;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        config.put("signet.security.bootstrap-token", TOKEN);
        return config;
    }
}
