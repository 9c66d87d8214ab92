package dev.signet.reply;

import java.util.Locale;

/**
 * The agent's signature on every outgoing message: the account's format ({@code  ^{initials}} by default,
 * e.g. {@code  -{initials-lower}}) with the logged-in agent's initials. It is always appended; it can't be
 * left out or edited away.
 */
public final class Signature {

    public static final String DEFAULT_FORMAT = " ^{initials}";

    private Signature() {
    }

    /** The signature itself, e.g. {@code " ^MD"}. */
    public static String render(String format, String initials) {
        if (initials == null || initials.isBlank()) {
            throw new IllegalArgumentException("A signature needs the agent's initials");
        }
        String upper = initials.trim().toUpperCase(Locale.ROOT);
        String effective = format == null || !format.contains("{initials") ? DEFAULT_FORMAT : format;
        return effective.replace("{initials-lower}", upper.toLowerCase(Locale.ROOT)).replace("{initials}", upper);
    }

    /**
     * The text as it will be published: trailing white space removed, then the signature. A text that already
     * ends with the very same signature is not signed twice.
     */
    public static String sign(String text, String format, String initials) {
        String signature = render(format, initials);
        String body = text.stripTrailing();
        if (body.endsWith(signature.strip())) {
            body = body.substring(0, body.length() - signature.strip().length()).stripTrailing();
        }
        return body + signature;
    }

    /**
     * A hand-off line as published: signed by the agent handing over and the one taking over, e.g.
     * {@code "… ^MD → ^JK"} or {@code "… -md → -jk"} in the account's format.
     */
    public static String signHandOff(String text, String format, String fromInitials, String toInitials) {
        return text.stripTrailing() + handOffSignature(format, fromInitials, toInitials);
    }

    /** The double signature of a hand-off line, e.g. {@code " ^MD → ^JK"}. */
    public static String handOffSignature(String format, String fromInitials, String toInitials) {
        return render(format, fromInitials) + " → " + render(format, toInitials).strip();
    }
}
