package dev.signet.channel.gap;

import java.time.Instant;

/**
 * A gap in an account's mentions timeline, for the API and the health page.
 *
 * @param afterId        the gap holds every mention id strictly above this (the cursor polling had stored)
 * @param beforeId       … and strictly below this (the oldest mention X still served on the timeline)
 * @param from           when the oldest mention of the gap could have been written (from the ids)
 * @param to             when the newest could have been written
 * @param estimatedCount mentions the gap likely held, from the rate of the mentions read around it
 * @param recovered      mentions found by search and handed to intake
 * @param lostBefore     mentions created before this are beyond X's search (7 days) and lost for good
 */
public record GapView(Long id, String accountKey, String afterId, String beforeId, Instant from, Instant to,
        int estimatedCount, int recovered, GapState state, Instant lostBefore, Instant detectedAt, Instant closedAt,
        int attempts, String lastError) {
}
