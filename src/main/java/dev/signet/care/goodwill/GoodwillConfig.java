package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The goodwill allowance: how much each agent may give customers per period without asking a lead, in which
 * currency, and the largest single gesture anyone may record.
 */
@ConfigMapping(prefix = "signet.care.goodwill")
public interface GoodwillConfig {

    /**
     * What each agent (and lead) may give per period without approval; a gesture that would take them past it
     * waits for a lead. {@code 0} sends every gesture to a lead.
     */
    @WithDefault("50.00")
    BigDecimal allowance();

    /** ISO 4217 code of the allowance and of every gesture (amounts use its decimals: EUR 2, JPY 0). */
    @WithDefault("EUR")
    String currency();

    /** The allowance period: {@code month} (calendar month) or {@code week} (ISO week, Monday to Sunday). */
    @WithDefault("month")
    GoodwillPeriod period();

    /** The time zone whose calendar the periods follow (a month starts at midnight on the 1st there). */
    @WithDefault("UTC")
    ZoneId zone();

    /** The largest single gesture anyone may record, even with a lead's approval (a typo guard). */
    @WithDefault("1000.00")
    BigDecimal maxAmount();
}
