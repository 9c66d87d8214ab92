/**
 * Insight: the sentiment model (scoring off the ingest path, per-brand versions learned from agents' corrections,
 * the label-mix gate, evaluation on a brand's labelled files), time series of volume, sentiment and resolution time
 * per account and topic, spike alerts, market feedback and exports.
 */
package dev.signet.insight;
