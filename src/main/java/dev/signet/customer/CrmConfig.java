package dev.signet.customer;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** CRM import settings. */
@ConfigMapping(prefix = "signet.crm")
public interface CrmConfig {

    /**
     * The loyalty tiers the CRM may send, lowest first; each must be one of Signet's ranks
     * ({@code none}, {@code silver}, {@code gold}, {@code platinum}), which feed the queue priority. A tier not in
     * this list is refused with the row's line.
     */
    @WithDefault("none,silver,gold,platinum")
    List<String> tiers();

    /** Largest CSV file an import accepts, in bytes; a larger one is refused as a whole (413). */
    @WithDefault("10485760")
    long maxFileBytes();
}
