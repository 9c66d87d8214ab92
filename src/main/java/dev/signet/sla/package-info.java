/**
 * Service levels (SLA) on the customer's clock: policies per brand account (optionally per loyalty tier and
 * channel) with targets for first response, next response and resolution, counted in the account's business
 * hours ({@link dev.signet.sla.BusinessHours}); the due time of the next target a conversation runs against (the
 * queue's SLA priority reason, through {@link dev.signet.care.ServiceLevelClock}); and the record of every target
 * met or breached ({@code sla_target}), kept from care's timeline of each conversation, with its daily roll-up
 * ({@code sla_daily}: counts and duration buckets per account-local day, {@link dev.signet.sla.SlaRollup}).
 * {@code sla.report} reads them for the team's figures.
 */
package dev.signet.sla;
