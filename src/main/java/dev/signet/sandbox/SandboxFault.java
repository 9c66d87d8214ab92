package dev.signet.sandbox;

/**
 * A fault armed on the fake X, for tests and benchmarks: the next {@code times} requests whose path ends with
 * {@code pathSuffix} (e.g. {@code statuses/mentions_timeline.json}; {@code *} for every path) fail as asked.
 *
 * @param status         HTTP status to answer (429, 500, 503…); 0 to answer normally after the delay
 * @param delayMillis    wait this long before answering (a slow X)
 * @param malformed      answer 200 with a body that is not JSON
 * @param resetInSeconds for a 429: when the rate-limit window resets (x-rate-limit-reset)
 */
public record SandboxFault(String pathSuffix, int times, int status, long delayMillis, boolean malformed,
        long resetInSeconds) {

    boolean matches(String path) {
        return "*".equals(pathSuffix) || path.endsWith(pathSuffix);
    }

    SandboxFault used() {
        return new SandboxFault(pathSuffix, times - 1, status, delayMillis, malformed, resetInSeconds);
    }
}
