package dev.signet.care.csat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationStatus;

/**
 * The surveys one intake batch may receive answers to, loaded with one query: intake asks, for each customer
 * message, whether it answers one of them — a public reply to the question's post, or a DM in the surveyed DM
 * conversation — from the surveyed customer, within the answer window.
 */
public final class CsatAnswers {

    private final List<CsatSurvey> waiting;
    private final Duration window;

    CsatAnswers(List<CsatSurvey> waiting, Duration window) {
        this.waiting = new ArrayList<>(waiting);
        this.window = window;
    }

    public static CsatAnswers none() {
        return new CsatAnswers(List.of(), Duration.ZERO);
    }

    /** The survey this customer message answers, if any. */
    public Optional<CsatSurvey> answeredBy(long accountId, long authorIdentityId, ConversationKind kind,
            String inReplyToExternalId, Instant sentAt) {
        for (CsatSurvey survey : waiting) {
            Conversation c = survey.conversation();
            if (!c.account().id().equals(accountId) || !survey.identity().id().equals(authorIdentityId)
                    || c.kind() != kind || sentAt.isAfter(survey.message().sentAt().plus(window))) {
                continue;
            }
            if (kind == ConversationKind.PUBLIC) {
                if (inReplyToExternalId != null && inReplyToExternalId.equals(survey.message().externalId())) {
                    return Optional.of(survey);
                }
            } else if (c.status() == ConversationStatus.RESOLVED && !sentAt.isBefore(survey.message().sentAt())) {
                // A DM after the question (its time on X), while the conversation is still resolved.
                return Optional.of(survey);
            }
        }
        return Optional.empty();
    }

    /** The survey got its answer: later messages of the batch are ordinary messages. */
    void answered(CsatSurvey survey) {
        waiting.remove(survey);
    }
}
