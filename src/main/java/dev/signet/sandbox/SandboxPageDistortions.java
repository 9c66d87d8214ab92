package dev.signet.sandbox;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Armed distortions of pages (fault injection, {@link SandboxFault#distortion}) that Signet must quarantine or
 * look up: answers X may lawfully give, since v2's OpenAPI schema makes {@code includes}, a post's
 * {@code author_id} and {@code created_at} optional and a DM event's {@code event_type} an open string (and v1.1
 * statuses of suspended users come without {@code user}). Each changes the first item of the next matching page.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxPageDistortions {

    static final String MENTIONS = "/2/users/:id/mentions";
    static final String DM_EVENTS = "/2/dm_events";
    static final String V1_MENTIONS = "statuses/mentions_timeline.json";
    static final String V1_LOOKUP = "users/lookup.json";

    /** The distortions this class applies; the others (repeat, shuffle) are the v1.1 mentions page's own. */
    static final Set<String> KNOWN = Set.of(SandboxFault.NO_INCLUDES, SandboxFault.AUTHOR_NOT_INCLUDED,
            SandboxFault.NO_AUTHOR_ID, SandboxFault.UNKNOWN_EVENT_TYPE, SandboxFault.BAD_CREATED_AT,
            SandboxFault.NO_USER, SandboxFault.USERS_NOT_FOUND);

    private final SandboxFaults faults;

    public SandboxPageDistortions(SandboxFaults faults) {
        this.faults = faults;
    }

    /** A v1.1 mentions page (an array of statuses): {@code no-user} drops the first status's {@code user}. */
    ArrayNode applyV1(ArrayNode statuses) {
        if (statuses.isEmpty()) {
            return statuses;
        }
        faults.takeDistortion(V1_MENTIONS, Set.of(SandboxFault.NO_USER))
                .ifPresent(distortion -> ((ObjectNode) statuses.get(0)).remove("user"));
        return statuses;
    }

    /** A v1.1 users/lookup answer: {@code users-not-found} leaves every user out (suspended accounts). */
    ArrayNode applyV1Lookup(ArrayNode users) {
        return faults.takeDistortion(V1_LOOKUP, Set.of(SandboxFault.USERS_NOT_FOUND)).isPresent()
                ? users.arrayNode()
                : users;
    }

    ObjectNode apply(String path, ObjectNode body) {
        JsonNode data = body.path("data");
        if (!data.isArray() || data.isEmpty()) {
            return body;
        }
        String distortion = faults.takeDistortion(path, KNOWN).orElse(null);
        if (distortion == null) {
            return body;
        }
        ObjectNode first = (ObjectNode) data.get(0);
        String authorField = first.has("sender_id") ? "sender_id" : "author_id";
        switch (distortion) {
            case SandboxFault.NO_INCLUDES -> body.remove("includes");
            case SandboxFault.AUTHOR_NOT_INCLUDED -> {
                String author = first.path(authorField).asText();
                JsonNode users = body.path("includes").path("users");
                if (users.isArray()) {
                    ArrayNode kept = ((ArrayNode) users).arrayNode();
                    users.forEach(user -> {
                        if (!author.equals(user.path("id").asText())) {
                            kept.add(user);
                        }
                    });
                    ((ObjectNode) body.get("includes")).set("users", kept);
                }
            }
            case SandboxFault.NO_AUTHOR_ID -> first.remove("author_id");
            case SandboxFault.UNKNOWN_EVENT_TYPE -> first.put("event_type", "MessageReactionCreate");
            case SandboxFault.BAD_CREATED_AT -> first.put("created_at", "yesterday at noon");
            default -> throw new IllegalStateException("unknown v2 distortion " + distortion);
        }
        return body;
    }
}
