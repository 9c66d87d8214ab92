package dev.signet.web;

import io.quarkus.qute.TemplateExtension;

import dev.signet.care.ConversationStatus;

/** Text helpers for templates. */
@TemplateExtension
public class TextExtensions {

    private static final int SHORT = 60;

    private TextExtensions() {
    }

    /** The first 60 characters, with an ellipsis when cut (for option lists). */
    static String shortened(String text) {
        if (text == null || text.length() <= SHORT) {
            return text;
        }
        return text.substring(0, SHORT) + "…";
    }

    /** A stored status name ({@code WAITING_ON_US}) as people read it ("Waiting on us"); unknown names as they are. */
    static String statusLabel(String status) {
        for (ConversationStatus s : ConversationStatus.values()) {
            if (s.name().equals(status)) {
                return s.label();
            }
        }
        return status;
    }
}
