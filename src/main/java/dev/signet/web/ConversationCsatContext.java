package dev.signet.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.care.csat.CsatService;
import dev.signet.care.csat.CsatView;

/**
 * What CSAT adds to the conversation page (the survey of each resolution: asked, answered, or skipped and why),
 * read for the conversation page's {@link ConversationPanels}.
 */
@RequestScoped
class ConversationCsatContext {

    private final CsatService csat;
    private List<CsatView> surveys;
    private long conversationId;

    ConversationCsatContext(CsatService csat) {
        this.csat = csat;
    }

    List<CsatView> of(long conversationId) {
        if (surveys == null || this.conversationId != conversationId) {
            surveys = csat.ofConversation(conversationId);
            this.conversationId = conversationId;
        }
        return surveys;
    }
}
