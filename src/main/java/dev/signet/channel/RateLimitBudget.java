package dev.signet.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What each account may still ask of the network, from the rate-limit headers of every response
 * ({@code x-rate-limit-limit/remaining/reset}). Polls are spread evenly over the window (one poll of an
 * endpoint every window / limit at most), nothing is called while a window is spent, and a 429 blocks the call
 * until the reset the network gave.
 */
@ApplicationScoped
public class RateLimitBudget {

    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    /** A budget of its own, its gauges in a registry nobody scrapes (plain tests). */
    public RateLimitBudget() {
        this(new SimpleMeterRegistry());
    }

    @Inject
    public RateLimitBudget(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records what the network said about a call's window. */
    public void observed(String accountKey, ApiCall call, int limit, int remaining, Instant resetAt) {
        Instant reset = withinOneWindow(resetAt);
        gauge(new Key(accountKey, call));
        windows.compute(new Key(accountKey, call), (key, window) -> {
            Instant lastPoll = window == null ? null : window.lastPollAt();
            return new Window(limit, remaining, reset, lastPoll);
        });
    }

    /** The network answered 429: nothing until {@code resetAt} (at most one window from now). */
    public void exhausted(String accountKey, ApiCall call, Instant resetAt) {
        Instant reset = withinOneWindow(resetAt);
        gauge(new Key(accountKey, call));
        windows.compute(new Key(accountKey, call), (key, window) -> new Window(
                window == null ? call.defaultLimit() : window.limit(), 0, reset,
                window == null ? null : window.lastPollAt()));
    }

    /**
     * X's windows last 15 minutes: a reset further away is a misread header (epoch milliseconds, say), and
     * believing it would stop polling for ages.
     */
    private static Instant withinOneWindow(Instant resetAt) {
        Instant latest = Instant.now().plus(ApiCall.WINDOW);
        return resetAt != null && resetAt.isAfter(latest) ? latest : resetAt;
    }

    /** When this call may be made again, if not now: the window is spent and resets later. */
    public Optional<Instant> blockedUntil(String accountKey, ApiCall call, Instant now) {
        Window window = windows.get(new Key(accountKey, call));
        if (window == null || window.remaining() > 0 || window.resetAt() == null || !window.resetAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(window.resetAt());
    }

    /**
     * Whether a poll of this call may start now: the window is not spent, and the previous poll is at least
     * window / limit ago, so that polling alone never uses more than the budget.
     */
    public boolean mayPoll(String accountKey, ApiCall call, Instant now) {
        if (blockedUntil(accountKey, call, now).isPresent()) {
            return false;
        }
        Window window = windows.get(new Key(accountKey, call));
        if (window == null || window.lastPollAt() == null) {
            return true;
        }
        return !now.isBefore(window.lastPollAt().plus(spacing(accountKey, call)));
    }

    /** The least time between two polls of this call that keeps polling within the window: window / limit. */
    public Duration spacing(String accountKey, ApiCall call) {
        Window window = windows.get(new Key(accountKey, call));
        return ApiCall.WINDOW.dividedBy(Math.max(1, window == null ? call.defaultLimit() : window.limit()));
    }

    /**
     * The earliest a poll of this call may start: after the window's reset while it is spent and, when polls are
     * {@code spread}, one {@link #spacing} after the previous poll.
     */
    public Instant nextPollAt(String accountKey, ApiCall call, boolean spread, Instant now) {
        Instant next = blockedUntil(accountKey, call, now).orElse(now);
        Window window = windows.get(new Key(accountKey, call));
        if (spread && window != null && window.lastPollAt() != null) {
            Instant spaced = window.lastPollAt().plus(spacing(accountKey, call));
            next = spaced.isAfter(next) ? spaced : next;
        }
        return next;
    }

    /** Remembers that a poll of this call started now. */
    public void polled(String accountKey, ApiCall call, Instant now) {
        windows.compute(new Key(accountKey, call), (key, window) -> window == null
                ? new Window(call.defaultLimit(), call.defaultLimit(), null, now)
                : new Window(window.limit(), window.remaining(), window.resetAt(), now));
    }

    /** Calls left in the current window, if the network has said. */
    public Optional<Integer> remaining(String accountKey, ApiCall call) {
        return Optional.ofNullable(windows.get(new Key(accountKey, call))).map(Window::remaining);
    }

    /** One gauge per account and call, registered when the network first speaks of its window (cheap to read). */
    private void gauge(Key key) {
        if (!windows.containsKey(key)) {
            Gauge.builder("signet.channel.ratelimit.remaining", windows,
                    map -> map.containsKey(key) ? map.get(key).remaining() : Double.NaN)
                    .tags("account", key.accountKey(), "call", key.call().name().toLowerCase(Locale.ROOT))
                    .description("Calls X still allows in the current 15-minute window of a brand account's call")
                    .register(registry);
        }
    }

    private record Key(String accountKey, ApiCall call) {
    }

    private record Window(int limit, int remaining, Instant resetAt, Instant lastPollAt) {
    }
}
