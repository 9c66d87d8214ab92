package dev.signet.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Counts requests per (caller, endpoint) in 15-minute windows, as X does, so that the rate-limit headers mean
 * something and a client's budgeting can be tested. Windows start with the first request after the previous one
 * ended. In memory: the sandbox's budgets need not survive a restart.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxRateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Above this many counters, ended windows are dropped, so the map cannot grow without bound. */
    private static final int PRUNE_ABOVE = 10_000;

    /** The state of one budget after a request: the three X headers, and whether this request was over budget. */
    public record Window(int limit, int remaining, long resetEpochSecond, boolean exceeded) {
    }

    private record Key(String caller, XEndpoint endpoint) {
    }

    /** {@code refused}: whether the latest request found the budget spent. */
    private record Counter(Instant start, int used, boolean refused) {
        boolean endedBy(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final int scale;

    @jakarta.inject.Inject
    public SandboxRateLimiter(SandboxConfig config) {
        this(config.rateLimitScale());
    }

    /** A limiter with X's limits multiplied by {@code scale} (at least 1). */
    public SandboxRateLimiter(int scale) {
        this.scale = Math.max(1, scale);
    }

    /** Counts one request of this caller to this endpoint; a request over budget is not counted. */
    public Window take(String caller, XEndpoint endpoint, Instant now) {
        if (counters.size() > PRUNE_ABOVE) {
            counters.values().removeIf(counter -> counter.endedBy(now));
        }
        int limit = endpoint.limitPer15Minutes() * scale;
        Counter counter = counters.compute(new Key(caller, endpoint), (key, current) -> {
            if (current == null || current.endedBy(now)) {
                return new Counter(now, 1, false);
            }
            if (current.used() >= limit) {
                return new Counter(current.start(), current.used(), true);
            }
            return new Counter(current.start(), current.used() + 1, false);
        });
        return window(counter, limit, counter.refused());
    }

    /** The state of a budget without counting a request (for refused or unauthenticated requests). */
    public Window peek(String caller, XEndpoint endpoint, Instant now) {
        Counter counter = counters.get(new Key(caller, endpoint));
        int limit = endpoint.limitPer15Minutes() * scale;
        if (counter == null || counter.endedBy(now)) {
            return new Window(limit, limit, now.plus(WINDOW).getEpochSecond(), false);
        }
        return window(counter, limit, false);
    }

    private static Window window(Counter counter, int limit, boolean exceeded) {
        return new Window(limit, Math.max(0, limit - counter.used()), counter.start().plus(WINDOW).getEpochSecond(),
                exceeded);
    }
}
