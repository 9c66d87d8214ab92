package dev.signet.web;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads the {@link ConversationPanels} of one conversation for the viewer of the current request. */
@ApplicationScoped
class ConversationPanelsReader {

    private final ConversationCustomerContext customer;
    private final EscalationContext escalation;
    private final ConversationGoodwillContext goodwill;
    private final ConversationCsatContext csat;
    private final ConversationFeedbackContext feedback;
    private final NoteNotices notes;

    ConversationPanelsReader(ConversationCustomerContext customer, EscalationContext escalation,
            ConversationGoodwillContext goodwill, ConversationCsatContext csat, ConversationFeedbackContext feedback,
            NoteNotices notes) {
        this.customer = customer;
        this.escalation = escalation;
        this.goodwill = goodwill;
        this.csat = csat;
        this.feedback = feedback;
        this.notes = notes;
    }

    ConversationPanels of(long conversationId) {
        return new ConversationPanels(customer.of(conversationId), escalation.panel(conversationId),
                goodwill.of(conversationId), csat.of(conversationId), feedback.of(conversationId), notes.current());
    }
}
