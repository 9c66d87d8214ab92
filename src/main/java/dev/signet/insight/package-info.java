/**
 * Insight: the brand manager's reporting over care and sentiment. Time series of volume, sentiment and resolution
 * time per account and topic (roll-ups of {@code sentiment}'s scores and {@code channel}'s hourly volume), flagged
 * messages and market feedback, spike alerts and their webhook, exports. The sentiment model itself lives in
 * {@code dev.signet.sentiment}.
 */
package dev.signet.insight;
