package dev.signet.channel.x;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an X API v2 error answer into an {@link XApiV2Failure} carrying X's explanation: the problem's
 * {@code detail} (or {@code title}) and the first entry of {@code errors}, when X sent them.
 */
final class XApiV2ErrorMapper implements ResponseExceptionMapper<XApiV2Failure> {

    private static final int MAX_REASON = 300;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public XApiV2Failure toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new XApiV2Failure(response.getStatus(), reason(body));
    }

    private String reason(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode problem = mapper.readTree(body);
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            JsonNode firstError = problem.path("errors").path(0);
            String error = firstError.isMissingNode() ? ""
                    : " [" + firstError.path("code").asText("-") + ": " + firstError.path("message").asText("") + "]";
            return shorten(detail + error);
        } catch (JsonProcessingException e) {
            // Not JSON (a proxy's HTML page, say): the start of the body says more than nothing.
            return shorten(body.strip());
        }
    }

    private static String shorten(String text) {
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }
}
