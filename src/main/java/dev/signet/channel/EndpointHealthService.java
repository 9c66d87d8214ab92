package dev.signet.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Health per brand account and endpoint (mentions, DMs, publishing): last success, last error, failures in a row
 * and, while X's window is spent, until when. Kept in the database (the replica that polls, the one that publishes
 * and the one asked may all differ) and as Micrometer metrics tagged {@code account} and {@code endpoint}.
 */
@ApplicationScoped
public class EndpointHealthService {

    private static final Logger LOG = Logger.getLogger(EndpointHealthService.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final ChannelEndpointRepository endpoints;
    private final MeterRegistry registry;
    private final Clock clock;
    /** The latest state this replica wrote or read, per account and endpoint: what the gauges show. */
    private final Map<Key, ChannelEndpoint> latest = new ConcurrentHashMap<>();

    public EndpointHealthService(ChannelEndpointRepository endpoints, MeterRegistry registry, Clock clock) {
        this.endpoints = endpoints;
        this.registry = registry;
        this.clock = clock;
    }

    /** Publishing to X went through for this account (called by the reply publisher). */
    public void publishSucceeded(String accountKey) {
        succeeded(accountKey, Endpoint.PUBLISH);
    }

    /**
     * Publishing to X failed for this account (called by the reply publisher); {@code blockedUntil} is X's reset
     * after a 429, else null.
     */
    public void publishFailed(String accountKey, String reason, Instant blockedUntil) {
        failed(accountKey, Endpoint.PUBLISH, reason, blockedUntil);
    }

    /** Creates the missing rows of a configured account and its metrics. */
    @Transactional
    void register(String accountKey) {
        List<ChannelEndpoint> existing = endpoints.ofAccount(accountKey);
        for (Endpoint endpoint : Endpoint.values()) {
            ChannelEndpoint row = existing.stream().filter(e -> e.endpoint() == endpoint).findFirst().orElse(null);
            if (row == null) {
                row = new ChannelEndpoint(accountKey, endpoint);
                endpoints.persist(row);
            }
            remember(row);
        }
    }

    // Each record commits on its own (REQUIRES_NEW): health must land even when the caller's work rolls back.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void succeeded(String accountKey, Endpoint endpoint) {
        ChannelEndpoint before = latest.get(new Key(accountKey, endpoint));
        endpoints.succeeded(accountKey, endpoint, clock.instant());
        counter(accountKey, endpoint, "success").increment();
        refresh(accountKey, endpoint);
        if (before != null && before.consecutiveFailures() > 0) {
            LOG.infof("channel endpoint recovered: account=%s endpoint=%s failuresBefore=%d", accountKey,
                    endpoint.tag(), before.consecutiveFailures());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(String accountKey, Endpoint endpoint, String reason, Instant blockedUntil) {
        String error = reason == null ? "unknown failure"
                : reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
        endpoints.failed(accountKey, endpoint, error, blockedUntil, clock.instant());
        counter(accountKey, endpoint, "failure").increment();
        ChannelEndpoint now = refresh(accountKey, endpoint);
        LOG.warnf("channel endpoint failed: account=%s endpoint=%s failuresInRow=%d blockedUntil=%s reason=%s",
                accountKey, endpoint.tag(), now == null ? 0 : now.consecutiveFailures(), blockedUntil, error);
    }

    /** A read the rate-limit budget held back until {@code nextReadAt}; errors and failures stay as they are. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void heldBack(String accountKey, Endpoint endpoint, Instant nextReadAt, Instant blockedUntil) {
        endpoints.heldBack(accountKey, endpoint, nextReadAt, blockedUntil);
        refresh(accountKey, endpoint);
    }

    /** After a read went out: the earliest the next one may by the budget. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void nextRead(String accountKey, Endpoint endpoint, Instant nextReadAt) {
        endpoints.nextRead(accountKey, endpoint, nextReadAt);
    }

    /** Every endpoint of every account, by account key. */
    @Transactional
    Map<String, List<ChannelEndpoint>> all() {
        List<ChannelEndpoint> rows = endpoints.listAll();
        rows.forEach(this::remember);
        return rows.stream().collect(Collectors.groupingBy(ChannelEndpoint::accountKey));
    }

    private ChannelEndpoint refresh(String accountKey, Endpoint endpoint) {
        ChannelEndpoint row = endpoints.find("accountKey = ?1 and endpoint = ?2", accountKey, endpoint)
                .firstResultOptional().orElse(null);
        if (row != null) {
            remember(row);
        }
        return row;
    }

    private void remember(ChannelEndpoint row) {
        Key key = new Key(row.accountKey(), row.endpoint());
        if (latest.put(key, row) == null) {
            Gauge.builder("signet.channel.endpoint.failures.in.row", latest,
                    map -> map.containsKey(key) ? map.get(key).consecutiveFailures() : 0)
                    .tags("account", key.accountKey(), "endpoint", key.endpoint().tag())
                    .description("Failed calls in a row of one endpoint of a brand account (0 once it succeeds)")
                    .register(registry);
            Gauge.builder("signet.channel.endpoint.blocked", latest, map -> blocked(map.get(key)) ? 1 : 0)
                    .tags("account", key.accountKey(), "endpoint", key.endpoint().tag())
                    .description("1 while X's rate-limit window of the endpoint is spent (a 429 or no calls left)")
                    .register(registry);
            Gauge.builder("signet.channel.endpoint.last.success", latest, map -> lastSuccess(map.get(key)))
                    .tags("account", key.accountKey(), "endpoint", key.endpoint().tag())
                    .description("When the endpoint last succeeded, in seconds since the epoch (0: never)")
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    private boolean blocked(ChannelEndpoint row) {
        return row != null && row.blockedUntil() != null && row.blockedUntil().isAfter(clock.instant());
    }

    private static double lastSuccess(ChannelEndpoint row) {
        return row == null || row.lastSuccessAt() == null ? 0 : row.lastSuccessAt().getEpochSecond();
    }

    private Counter counter(String accountKey, Endpoint endpoint, String outcome) {
        return Counter.builder("signet.channel.endpoint.calls")
                .tags("account", accountKey, "endpoint", endpoint.tag(), "outcome", outcome)
                .description("Calls to an endpoint of a brand account on X, by outcome")
                .register(registry);
    }

    private record Key(String accountKey, Endpoint endpoint) {
    }
}
