package dev.signet.sandbox;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A sandbox user as callers see it (never the access token). Ids are strings in JSON: they exceed 2^53. */
public record SandboxUserView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String handle,
        String name,
        boolean brand) {
}
