package dev.signet.customer;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** CRM import settings. */
@ConfigMapping(prefix = "signet.customer.crm")
public interface CrmConfig {

    /**
     * The loyalty tiers the CRM may send, lowest first (names of 1 to 32 letters, digits, {@code _} or {@code -},
     * case-insensitive). A blank tier means none; a tier not in this list is refused with the row's line. Each
     * tier's queue priority points are {@code signet.care.priority.tier.<name>}.
     */
    @WithDefault("none,silver,gold,platinum")
    List<String> tiers();

    /** Largest CSV file an import accepts, in bytes; a larger one is refused as a whole (413). */
    @WithDefault("10485760")
    long maxFileBytes();
}
