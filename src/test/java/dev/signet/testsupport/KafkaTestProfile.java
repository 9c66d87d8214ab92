package dev.signet.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs a test with the production profile's messaging: every {@code %prod} key of application.properties
 * under {@code signet.messaging.}, {@code kafka.} and {@code mp.messaging.} is applied as it stands (so the
 * test exercises the production wiring, not a copy of it), pointed at the broker that {@code .ci/kafka.sh}
 * started for the integration tests. Everything else stays as in {@code %test} (real PostgreSQL, sandbox X).
 * Topics get a suffix of their own per start, so a rerun against a broker that is still up starts empty.
 */
public class KafkaTestProfile implements QuarkusTestProfile {

    /** Set by Maven (failsafe) from the port .ci/kafka.sh was given. */
    static final String BOOTSTRAP_PROPERTY = "signet.test.kafka.bootstrap-servers";
    private static final String PROD = "%prod.";

    public static String bootstrapServers() {
        return System.getProperty(BOOTSTRAP_PROPERTY, "127.0.0.1:19092");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        Properties file = applicationProperties();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(PROD + "signet.messaging.") || key.startsWith(PROD + "kafka.")
                    || key.startsWith(PROD + "mp.messaging.")) {
                overrides.put(key.substring(PROD.length()), file.getProperty(key));
            }
        }
        if (!"kafka".equals(overrides.get("signet.messaging.transport"))) {
            throw new IllegalStateException("application.properties no longer sets %prod.signet.messaging.transport=kafka");
        }
        overrides.put("kafka.bootstrap.servers", bootstrapServers());
        String run = Long.toString(System.currentTimeMillis(), 36);
        overrides.put("signet.messaging.inbound-topic", "signet.inbound.it-" + run);
        overrides.put("signet.messaging.inbound-dead-letter-topic", "signet.inbound.dead-letter.it-" + run);
        overrides.put("signet.messaging.outbound-topic", "signet.outbound.it-" + run);
        overrides.put("signet.messaging.outbound-dead-letter-topic", "signet.outbound.dead-letter.it-" + run);
        return overrides;
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = KafkaTestProfile.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the test class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
