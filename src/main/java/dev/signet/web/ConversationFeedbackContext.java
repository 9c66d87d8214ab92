package dev.signet.web;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import dev.signet.insight.MarketFeedbackService;
import dev.signet.insight.MarketFeedbackView;

/**
 * The market-feedback flags of the conversation page's messages, read once per request (one query) by the tag
 * {@code tags/feedback} as {@code inject:marketFeedback}, so the conversation page needs no change to its own data.
 */
@Named("marketFeedback")
@RequestScoped
public class ConversationFeedbackContext {

    private final MarketFeedbackService feedback;
    private long conversationId = -1;
    private Map<Long, MarketFeedbackView> flags;

    public ConversationFeedbackContext(MarketFeedbackService feedback) {
        this.feedback = feedback;
    }

    /** The message's flag, or null. */
    public MarketFeedbackView of(long conversationId, long messageId) {
        if (flags == null || this.conversationId != conversationId) {
            flags = feedback.ofConversation(conversationId);
            this.conversationId = conversationId;
        }
        return flags.get(messageId);
    }
}
