package dev.signet.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import dev.signet.care.csat.CsatService;
import dev.signet.care.csat.CsatView;

/**
 * What CSAT adds to the conversation page (the survey of each resolution: asked, answered, or skipped and why),
 * read once per request by the include {@code ConversationPage/csat} as {@code inject:csatContext}; kept apart so
 * the conversation page needs one include line and no change to its own data.
 */
@Named("csatContext")
@RequestScoped
public class ConversationCsatContext {

    private final CsatService csat;
    private List<CsatView> surveys;
    private long conversationId;

    public ConversationCsatContext(CsatService csat) {
        this.csat = csat;
    }

    public List<CsatView> of(long conversationId) {
        if (surveys == null || this.conversationId != conversationId) {
            surveys = csat.ofConversation(conversationId);
            this.conversationId = conversationId;
        }
        return surveys;
    }
}
