package dev.signet.reply;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.signet.api.CleanText;

/**
 * An agent's reply, without the signature: Signet appends the logged-in agent's signature.
 *
 * @param text      the reply text
 * @param inReplyTo the customer post answered (message id or X id); by default the latest post of the
 *                  conversation's customer
 */
public record ReplyRequest(
        @Schema(description = "The reply text, without signature", example = "Sorry about that! Can you DM us your booking code?") @CleanText String text,
        @Schema(description = "The customer post this answers: its message id or X id (a customer post of this conversation). "
                + "Default: the latest post of the conversation's customer. A DM goes to the DM partner either way.") @CleanText @Size(max = 40) String inReplyTo) {
}
