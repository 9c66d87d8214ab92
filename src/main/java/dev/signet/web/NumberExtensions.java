package dev.signet.web;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How pages show rates: one decimal, e.g. "4.3". */
@TemplateExtension
public final class NumberExtensions {

    private NumberExtensions() {
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
