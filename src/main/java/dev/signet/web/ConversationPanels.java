package dev.signet.web;

import java.util.List;
import java.util.Map;

import dev.signet.care.MatterView;
import dev.signet.care.csat.CsatView;
import dev.signet.care.goodwill.GoodwillViews;
import dev.signet.customer.CustomerViews;
import dev.signet.insight.MarketFeedbackView;

/**
 * What other features add to the conversation page (its side panels and the flags on its messages), passed to the
 * page's template as one parameter and read there and by the templates it includes: the customer's facts and link
 * suggestions ({@code CustomerPage/conversation-facts}, {@code CustomerPage/conversation-links}), continuity and
 * escalation ({@code EscalationPage/matter}), goodwill ({@code GoodwillPage/conversation-goodwill}), the CSAT surveys
 * ({@code ConversationPage/csat}), the market-feedback flags by message id ({@code tags/feedback}) and what the notes
 * block says after a note was saved.
 */
public record ConversationPanels(CustomerViews.ConversationContext customer, Escalation escalation,
        GoodwillViews.OnConversation goodwill, List<CsatView> surveys, Map<Long, MarketFeedbackView> feedback,
        NoteNotice notes) {

    /** The matter panel: the conversation's matter and what the escalation forms say after a post (or null). */
    public record Escalation(MatterView matter, String done, String refusal, boolean lead) {
    }
}
