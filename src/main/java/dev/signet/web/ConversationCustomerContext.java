package dev.signet.web;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.customer.CustomerQueryService;
import dev.signet.customer.CustomerViews;

/**
 * What the customer feature adds to the conversation page (pinned facts on top, link suggestions in the side
 * panel), read for the conversation page's {@link ConversationPanels}.
 */
@RequestScoped
class ConversationCustomerContext {

    private final CustomerQueryService queries;
    private CustomerViews.ConversationContext context;

    ConversationCustomerContext(CustomerQueryService queries) {
        this.queries = queries;
    }

    CustomerViews.ConversationContext of(long conversationId) {
        if (context == null || context.conversationId() != conversationId) {
            context = queries.conversationContext(conversationId);
        }
        return context;
    }
}
