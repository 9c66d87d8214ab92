package dev.signet.web;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.insight.MarketFeedbackService;
import dev.signet.insight.MarketFeedbackView;

/**
 * The market-feedback flags of the conversation page's messages, read in one query for the conversation page's
 * {@link ConversationPanels}.
 */
@RequestScoped
class ConversationFeedbackContext {

    private final MarketFeedbackService feedback;
    private long conversationId = -1;
    private Map<Long, MarketFeedbackView> flags;

    ConversationFeedbackContext(MarketFeedbackService feedback) {
        this.feedback = feedback;
    }

    /** The flags of the conversation's messages by message id. */
    Map<Long, MarketFeedbackView> of(long conversationId) {
        if (flags == null || this.conversationId != conversationId) {
            flags = feedback.ofConversation(conversationId);
            this.conversationId = conversationId;
        }
        return flags;
    }
}
