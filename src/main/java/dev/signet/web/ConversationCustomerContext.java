package dev.signet.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import dev.signet.customer.CustomerQueryService;
import dev.signet.customer.CustomerViews;

/**
 * What the customer feature adds to the conversation page (pinned facts on top, link suggestions in the side
 * panel), read once per request by the includes {@code CustomerPage/conversation-facts} and
 * {@code CustomerPage/conversation-links} as {@code inject:customerContext}. Kept apart so the conversation page
 * needs one include line per block and no change to its own data.
 */
@Named("customerContext")
@RequestScoped
public class ConversationCustomerContext {

    private final CustomerQueryService queries;
    private CustomerViews.ConversationContext context;

    public ConversationCustomerContext(CustomerQueryService queries) {
        this.queries = queries;
    }

    public CustomerViews.ConversationContext of(long conversationId) {
        if (context == null || context.conversationId() != conversationId) {
            context = queries.conversationContext(conversationId);
        }
        return context;
    }
}
