/**
 * The team's service-level figures (never per agent): % of targets met per target, per account, tier and channel
 * over a period, with the median and 90th percentile of the business time taken, and the breaches with their
 * conversations; as JSON, CSV and the insights page's SLA section. Reads only the sla package's record of targets
 * ({@code sla_target}, under an index that answers the figures alone).
 */
package dev.signet.sla.report;
