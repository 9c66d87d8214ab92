/**
 * Gaps in a brand account's mentions timeline (a pause longer than X serves back): detected from a fetch, shown on
 * the channel health page, recovered through X's recent search. Owns {@code mention_gap}.
 */
package dev.signet.channel.gap;
