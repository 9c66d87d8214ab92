package dev.signet.web;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.care.goodwill.GoodwillLedger;
import dev.signet.care.goodwill.GoodwillViews;
import dev.signet.security.CurrentUser;

/**
 * What goodwill adds to the conversation page's care panel (the gestures on the conversation, the viewer's
 * allowance left and the form), read for the conversation
 * page's {@link ConversationPanels}.
 */
@RequestScoped
class ConversationGoodwillContext {

    private final GoodwillLedger goodwill;
    private final CurrentUser currentUser;
    private GoodwillViews.OnConversation context;

    ConversationGoodwillContext(GoodwillLedger goodwill, CurrentUser currentUser) {
        this.goodwill = goodwill;
        this.currentUser = currentUser;
    }

    GoodwillViews.OnConversation of(long conversationId) {
        if (context == null || context.conversationId() != conversationId) {
            context = goodwill.onConversation(conversationId, currentUser.get());
        }
        return context;
    }
}
