package dev.signet.sandbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A direct message between two sandbox users. */
public record SandboxDirectMessageView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long senderId,
        String senderHandle,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long recipientId,
        String recipientHandle,
        String text,
        Instant createdAt) {
}
