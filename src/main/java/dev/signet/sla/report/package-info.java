/**
 * The team's service-level figures (never per agent): % of targets met per target, per account, tier and channel
 * over a period, with the median and 90th percentile of the business time taken, and the breaches with their
 * conversations; as JSON, CSV and the insights page's SLA section. Reads only the sla package's tables: the daily
 * roll-up ({@code sla_daily}) for the period's whole days, the record of targets ({@code sla_target}) for its partial
 * days and the breaches.
 */
package dev.signet.sla.report;
