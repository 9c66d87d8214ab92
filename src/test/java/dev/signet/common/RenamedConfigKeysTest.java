package dev.signet.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class RenamedConfigKeysTest {

    @Test
    void oldKeysAreNamedWithTheirNewNames() {
        List<String> found = RenamedConfigKeys.refused(List.of("signet.crm.tiers", "%prod.signet.publisher.backoff",
                "SIGNET_CANNED_SUGGESTIONS", "signet.notes.max-length"));
        assertEquals(List.of("%prod.signet.publisher.backoff is now %prod.signet.reply.publisher.backoff",
                "SIGNET_CANNED_SUGGESTIONS is now SIGNET_REPLY_CANNED_SUGGESTIONS",
                "signet.crm.tiers is now signet.customer.crm.tiers",
                "signet.notes.max-length is now signet.care.note.max-length"), found);
    }

    @Test
    void newKeysAndOtherKeysPass() {
        assertEquals(List.of(), RenamedConfigKeys.refused(List.of("signet.customer.crm.tiers", "signet.care.note.shown",
                "SIGNET_REPLY_PUBLISHER_MAX_ATTEMPTS", "%test.signet.reply.publisher.retry-delay", "signet.crmx",
                "signet.care.claim-lease", "PATH", "quarkus.http.port", "")));
    }

    @Test
    void startIsRefusedWithAMessageNamingTheNewKey() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("signet.publisher.max-attempts", "5", "signet.care.note.shown", "50"), "test", 500)).build();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new RenamedConfigKeys(config).refuseOldKeys(null));
        assertTrue(refused.getMessage()
                .contains("signet.publisher.max-attempts is now signet.reply.publisher.max-attempts"), refused.getMessage());
    }

    @Test
    void startGoesOnWithTheNewKeys() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("signet.reply.publisher.max-attempts", "5"), "test", 500)).build();
        assertDoesNotThrow(() -> new RenamedConfigKeys(config).refuseOldKeys(null));
    }
}
