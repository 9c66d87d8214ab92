package dev.signet.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How live events reach the pages of the other replicas. */
@ConfigMapping(prefix = "signet.live")
public interface LiveConfig {

    /**
     * {@code auto}: PostgreSQL {@code LISTEN/NOTIFY} when the datasource is PostgreSQL, in-process on H2;
     * {@code postgres}; or {@code in-process} (each replica streams only the changes it made itself).
     */
    @WithDefault("auto")
    Transport transport();

    /** The PostgreSQL notification channel every replica of one installation listens on. */
    @WithDefault("signet_live")
    String channel();

    /** How transports are chosen. */
    enum Transport {
        AUTO, POSTGRES, IN_PROCESS
    }
}
