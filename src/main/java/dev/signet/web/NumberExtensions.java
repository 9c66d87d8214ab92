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

    /** A score 0..1 with three decimals, e.g. "0.712" (macro-F1, recall). */
    static String threeDecimals(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A share 0..1 as a whole percentage, e.g. "42%". */
    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
