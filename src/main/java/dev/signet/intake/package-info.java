/**
 * Consumes the {@code inbound} channel in batches: idempotent storage (one message per network, X id and brand
 * account), noise dropped and counted ({@code NoiseFilter}, table {@code intake_drop}), author identity and linking,
 * threading ({@code ThreadingRule}), then hands each batch to care once ({@code care.CustomerMessages}).
 */
package dev.signet.intake;
