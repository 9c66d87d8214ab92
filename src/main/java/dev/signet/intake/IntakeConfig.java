package dev.signet.intake;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** What intake treats as noise, beyond the brand's own messages, reposts and echoes of Signet's replies. */
@ConfigMapping(prefix = "signet.intake")
public interface IntakeConfig {

    /**
     * Handles whose messages are dropped (and counted), e.g. bots or the brand's other accounts; with or without
     * the @, case-insensitive. Comma-separated in properties and environment variables.
     */
    Optional<List<String>> ignoredHandles();

    /**
     * Words or phrases whose messages are dropped (and counted), matched case-insensitively as whole words, e.g.
     * spam phrases. Comma-separated.
     */
    Optional<List<String>> ignoredKeywords();
}
