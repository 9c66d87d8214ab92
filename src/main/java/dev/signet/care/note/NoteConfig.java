package dev.signet.care.note;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Internal notes on conversations. */
@ConfigMapping(prefix = "signet.care.note")
public interface NoteConfig {

    /** The longest note accepted, in characters (at most 4000, the column's size). */
    @WithDefault("2000")
    int maxLength();

    /** How many of a conversation's latest notes its page and {@code GET /api/conversations/{id}} show. */
    @WithDefault("50")
    int shown();
}
