package dev.signet.api;

/** What counts as clean text at the edge: the one rule behind {@link CleanText} and the JSON check. */
public final class TextRules {

    private TextRules() {
    }

    /** The index of the first NUL or lone surrogate in {@code text}, or -1 when it has none. */
    public static int firstUnclean(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
