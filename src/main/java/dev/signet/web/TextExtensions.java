package dev.signet.web;

import io.quarkus.qute.TemplateExtension;

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
}
