package dev.signet.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is what {@link ConfigurationDoc} makes of the {@code @ConfigMapping} sources: a key
 * added, renamed or re-documented without regenerating the file fails the build ({@code ./mvnw verify} and the fast
 * tier). {@code -Dsignet.docs.write=true} rewrites the file instead.
 */
class ConfigurationDocTest {

    private static final Path FILE = Path.of("docs/configuration.md");

    @Test
    void theCommittedFileIsWhatTheConfigMappingsSay() throws IOException {
        String committed = Files.readString(FILE);
        String generated = new ConfigurationDoc(Path.of(".")).rewrite(committed);
        if (Boolean.getBoolean("signet.docs.write")) {
            Files.writeString(FILE, generated);
            return;
        }
        assertEquals(generated, committed,
                "docs/configuration.md is out of date with the @ConfigMapping Javadoc; regenerate it with "
                        + "./mvnw test -Pfast -Dtest=ConfigurationDocTest -Dsignet.docs.write=true");
    }

    @Test
    void namesFollowSmallRyeConfigAndQuarkus() {
        assertEquals("spread-direct-message-polls", ConfigurationDoc.kebab("spreadDirectMessagePolls"));
        assertEquals("api-v2-base-url", ConfigurationDoc.kebab("apiV2BaseUrl"));
        assertEquals("SIGNET_CHANNEL_ACCOUNTS_KEY_POLL_INTERVAL",
                ConfigurationDoc.envVar("signet.channel.accounts.<key>.poll-interval"));
        assertEquals("`off` disables `pollInterval` and `Account`, a \\| b",
                ConfigurationDoc.markdown("{@code off} disables {@link #pollInterval()} and\n {@link Account}, a | b"));
    }
}
