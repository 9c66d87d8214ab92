package dev.signet.reply;

import java.util.Locale;

import dev.signet.care.ConversationKind;

/** Where a canned reply may be used: public replies, DMs, or both. */
public enum CannedKind {
    PUBLIC, DM, BOTH;

    public boolean fits(ConversationKind kind) {
        return this == BOTH || name().equals(kind.name());
    }

    public String label() {
        return switch (this) {
            case PUBLIC -> "public";
            case DM -> "DM";
            case BOTH -> "public and DM";
        };
    }

    /** Reads {@code public}, {@code dm} or {@code both} (any case); null or blank is {@link #BOTH}. */
    public static CannedKind parse(String value) {
        if (value == null || value.isBlank()) {
            return BOTH;
        }
        for (CannedKind kind : values()) {
            if (kind.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw CannedReplyException.invalid("kind", "Kind must be public, dm or both; got '" + value + "'.");
    }
}
