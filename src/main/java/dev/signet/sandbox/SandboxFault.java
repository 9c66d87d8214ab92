package dev.signet.sandbox;

import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fault armed on the fake X, for tests and benchmarks: the next {@code times} requests whose path ends with
 * {@code pathSuffix} (e.g. {@code statuses/mentions_timeline.json}; {@code *} for every path) fail as asked.
 *
 * @param status         HTTP status to answer (429, 500, 503…); 0 to answer normally after the delay
 * @param delayMillis    wait this long before answering (a slow X)
 * @param malformed      answer 200 with a body that is not JSON
 * @param resetInSeconds for a 429: when the rate-limit window resets (x-rate-limit-reset)
 * @param distortion     for a v1.1 mentions page answered normally: {@code repeat} (the page repeats the last
 *                       item of the page before, as an off-by-one max_id would) or {@code shuffle} (items out of
 *                       order); for a v2 page ({@code /mentions}, {@code /tweets}, {@code /dm_events}) answered
 *                       normally: {@code sparse} (the optional fields X may leave out are absent: {@code created_at},
 *                       {@code conversation_id}, {@code meta}'s ids and count) or {@code group-dm} (DM conversation
 *                       ids in X's group form, one number, not "low-high"); for a 429: {@code no-reset} (no
 *                       {@code x-rate-limit-reset}), {@code odd-headers} (non-numeric rate-limit headers) or
 *                       {@code reset-in-ms} (the reset in epoch milliseconds); null for none. With
 *                       {@code afterWrite}, one of the odd bodies ({@link #ODD_EMPTY},
 *                       {@link #ODD_OBJECT}, {@link #ODD_DATA}, {@link #ODD_TEXT}): the post or DM is stored and
 *                       the 2xx answer keeps its status but carries that body instead, as another X may answer. Also,
 *                       for a v2 mentions or DM events page ({@code pathSuffix} {@code mentions} or
 *                       {@code dm_events}), what X may lawfully send (its schema makes these optional) and Signet must
 *                       quarantine or look up: {@code no-includes}, {@code author-not-included}, {@code no-author-id},
 *                       {@code unknown-event-type}, {@code bad-created-at} (see {@link SandboxPageDistortions}); null
 *                       for none. On a v1.1 mentions page, {@code no-user}: the first status without its user; on v1.1
 *                       {@code users/lookup.json}, {@code users-not-found}: no user returned
 * @param afterWrite     fail only after the request did its work: the post or DM is stored, then the answer is
 *                       lost — replaced by {@code status} (a 5xx after the write), delayed by {@code delayMillis} (a
 *                       timeout after the write), or both. The case where a client can't know whether X has its post.
 */
public record SandboxFault(
        @NotBlank(message = SandboxFault.INVALID) String pathSuffix,
        @Min(value = 1, message = SandboxFault.INVALID) int times,
        int status, long delayMillis, boolean malformed, long resetInSeconds, String distortion, boolean afterWrite) {

    /** The problem a fault that can't be armed gets (text in ValidationMessages.properties). */
    static final String INVALID = "{signet.problem.invalid-fault}";

    /** A fault before the write, possibly a page distortion. */
    public SandboxFault(String pathSuffix, int times, int status, long delayMillis, boolean malformed,
            long resetInSeconds, String distortion) {
        this(pathSuffix, times, status, delayMillis, malformed, resetInSeconds, distortion, false);
    }

    public static final String REPEAT = "repeat";
    public static final String SHUFFLE = "shuffle";
    public static final String SPARSE = "sparse";
    public static final String GROUP_DM = "group-dm";
    public static final String NO_RESET = "no-reset";
    public static final String ODD_HEADERS = "odd-headers";
    public static final String RESET_IN_MS = "reset-in-ms";
    /** After the write: the 2xx answer has an empty body. */
    public static final String ODD_EMPTY = "odd-empty";
    /** After the write: the 2xx answer is {@code {}}. */
    public static final String ODD_OBJECT = "odd-object";
    /** After the write: the 2xx answer is {@code {"data":{}}}, without the new post's or DM's id. */
    public static final String ODD_DATA = "odd-data";
    /** After the write: the 2xx answer is not JSON. */
    public static final String ODD_TEXT = "odd-text";
    /** v2 page answered without {@code includes} at all. */
    public static final String NO_INCLUDES = "no-includes";
    /** v2 page whose {@code includes.users} lacks the first item's author (a suspended account). */
    public static final String AUTHOR_NOT_INCLUDED = "author-not-included";
    /** v2 mentions page whose first post has no {@code author_id}. */
    public static final String NO_AUTHOR_ID = "no-author-id";
    /** v2 DM events page whose first event has an event type Signet does not know. */
    public static final String UNKNOWN_EVENT_TYPE = "unknown-event-type";
    /** v2 page whose first item has a {@code created_at} that is not ISO-8601. */
    public static final String BAD_CREATED_AT = "bad-created-at";
    /** v1.1 mentions page whose first status has no {@code user} (a suspended account). */
    public static final String NO_USER = "no-user";
    /** v1.1 users/lookup answered without any of the users asked for (suspended or deleted accounts). */
    public static final String USERS_NOT_FOUND = "users-not-found";
    /** Variants of a 429's rate-limit headers: they change the answer, they are not page distortions. */
    static final Set<String> RATE_LIMIT_HEADERS = Set.of(NO_RESET, ODD_HEADERS, RESET_IN_MS);
    /** Every distortion the sandbox knows. */
    static final Set<String> DISTORTIONS = Set.of(REPEAT, SHUFFLE, SPARSE, GROUP_DM, NO_RESET, ODD_HEADERS,
            RESET_IN_MS, ODD_EMPTY, ODD_OBJECT, ODD_DATA, ODD_TEXT, NO_INCLUDES, AUTHOR_NOT_INCLUDED, NO_AUTHOR_ID,
            UNKNOWN_EVENT_TYPE, BAD_CREATED_AT, NO_USER, USERS_NOT_FOUND);

    /** A 2xx answer with an unexpected body ({@code ODD_*}) after the post or DM was stored. */
    public static SandboxFault oddBody(String pathSuffix, int times, String oddBody) {
        return new SandboxFault(pathSuffix, times, 0, 0, false, 0, oddBody, true);
    }

    /** The body an odd-body fault answers with, or null when this fault is not one. */
    String oddBody() {
        if (!afterWrite || distortion == null) {
            return null;
        }
        return switch (distortion) {
            case ODD_EMPTY -> "";
            case ODD_OBJECT -> "{}";
            case ODD_DATA -> "{\"data\":{}}";
            case ODD_TEXT -> "<html><body>OK</body></html>";
            default -> null;
        };
    }

    /** A fault without distortion. */
    public SandboxFault(String pathSuffix, int times, int status, long delayMillis, boolean malformed,
            long resetInSeconds) {
        this(pathSuffix, times, status, delayMillis, malformed, resetInSeconds, null, false);
    }

    /** A fault after the write: the request is carried out, then its answer is lost (see {@code afterWrite}). */
    public static SandboxFault afterWrite(String pathSuffix, int times, int status, long delayMillis) {
        return new SandboxFault(pathSuffix, times, status, delayMillis, false, 0, null, true);
    }

    /** The status is 0 (answer normally) or an error status. */
    @JsonIgnore
    @AssertTrue(message = INVALID)
    public boolean isStatusNoneOrError() {
        return status == 0 || (status >= 400 && status <= 599);
    }

    /** The distortion is known, a rate-limit header variant only on a 429, an odd body only after the write. */
    @JsonIgnore
    @AssertTrue(message = INVALID)
    public boolean isDistortionFitting() {
        if (distortion == null || distortion.isBlank()) {
            return true;
        }
        if (RATE_LIMIT_HEADERS.contains(distortion)) {
            return status == 429;
        }
        return DISTORTIONS.contains(distortion) && (!distortion.startsWith("odd-") || oddBody() != null);
    }

    boolean distorts() {
        return distortion != null && !distortion.isBlank() && !RATE_LIMIT_HEADERS.contains(distortion);
    }

    boolean matches(String path) {
        return "*".equals(pathSuffix) || path.endsWith(pathSuffix);
    }

    SandboxFault used() {
        return new SandboxFault(pathSuffix, times - 1, status, delayMillis, malformed, resetInSeconds, distortion,
                afterWrite);
    }
}
