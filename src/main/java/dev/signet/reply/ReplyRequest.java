package dev.signet.reply;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's reply, without the signature: Signet appends the logged-in agent's signature. */
public record ReplyRequest(@Schema(description = "The reply text, without signature", example = "Sorry about that! Can you DM us your booking code?") String text) {
}
