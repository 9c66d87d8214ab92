package dev.signet.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import dev.signet.care.goodwill.GoodwillLedger;
import dev.signet.care.goodwill.GoodwillViews;
import dev.signet.security.CurrentUser;

/**
 * What goodwill adds to the conversation page's care panel (the gestures on the conversation, the viewer's
 * allowance left and the form), read once per request by the include {@code GoodwillPage/conversation-goodwill}
 * as {@code inject:goodwillContext}, so the conversation page needs one include line and no change to its data.
 */
@Named("goodwillContext")
@RequestScoped
public class ConversationGoodwillContext {

    private final GoodwillLedger goodwill;
    private final CurrentUser currentUser;
    private GoodwillViews.OnConversation context;

    public ConversationGoodwillContext(GoodwillLedger goodwill, CurrentUser currentUser) {
        this.goodwill = goodwill;
        this.currentUser = currentUser;
    }

    public GoodwillViews.OnConversation of(long conversationId) {
        if (context == null || context.conversationId() != conversationId) {
            context = goodwill.onConversation(conversationId, currentUser.get());
        }
        return context;
    }
}
