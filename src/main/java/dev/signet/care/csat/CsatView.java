package dev.signet.care.csat;

import java.time.Instant;

/**
 * A conversation's satisfaction survey as pages and the API show it.
 *
 * @param status        SCHEDULED, ASKED, ANSWERED or SKIPPED
 * @param skipReason    why no question went out (SKIPPED only), with {@code skipLabel} in words
 * @param askedBy       initials of the agent who resolved the conversation and signs the question
 * @param questionId    the question's message id (ASKED and ANSWERED)
 * @param answerId      the answer's message id (ANSWERED)
 * @param windowOpen    whether an answer is still recognised (ASKED only)
 * @param unreadable    a reply that was not a score from 1 to 5, if one came
 */
public record CsatView(long id, String status, String skipReason, String skipLabel, Instant resolvedAt,
        Instant dueAt, Instant askedAt, String askedBy, Long questionId, Instant answeredAt, Long answerId,
        Integer score, String comment, boolean reopened, boolean windowOpen, String unreadable, String outcome) {
}
