package dev.signet.sandbox;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem answered by the sandbox's JSON API. Local to the sandbox so that it does not depend on,
 * or collide with, the application's global problem mapping.
 *
 * @param xErrorCode the X error code behind the refusal, when X would have refused the same thing
 */
public record SandboxProblem(String type, String title, int status, String detail, Integer xErrorCode) {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://signet.dev/problems/sandbox/";

    /**
     * X's refusal as a problem. X says 403 for content it refuses (empty, too long, duplicate); over HTTP+JSON
     * that is unprocessable content, 422.
     */
    static SandboxProblem of(XApiException e) {
        return switch (e.httpStatus()) {
            case 404 -> new SandboxProblem(TYPE_BASE + "not-found", "Not found", 404, e.getMessage(), e.code());
            case 400 -> new SandboxProblem(TYPE_BASE + "invalid-input", "Invalid input", 400, e.getMessage(), e.code());
            case 429 -> new SandboxProblem(TYPE_BASE + "rate-limited", "Too many requests", 429, e.getMessage(), e.code());
            default -> new SandboxProblem(TYPE_BASE + "refused-by-x-rules", "Refused by X's rules", 422,
                    e.getMessage(), e.code());
        };
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
