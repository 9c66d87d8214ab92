package dev.signet.channel.push;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.ChannelAccountService;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.ChannelException;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.DeliveryMode;
import dev.signet.channel.IntakeFailedException;
import dev.signet.channel.XApiVersion;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Holds the activity streams of the {@code stream} accounts open: one outbound {@code GET /2/activity/stream} per X
 * app (accounts sharing base URL and bearer token share it, as X allows 2 connections per app), each line handed to
 * {@link PushIntake} for the account its filter names. A dropped stream is reconnected with exponential backoff
 * (between {@code reconnect-min-backoff} and {@code reconnect-max-backoff}) asking X's backfill
 * ({@code backfill_minutes}), and every reconnect polls its accounts once (reconciliation), so an outage loses
 * nothing. The readers run on the managed executor and stop at shutdown (their streams are closed).
 * <p>
 * In a deployment of several replicas only the one holding an account's poll lease (see {@code channel.PollLease})
 * keeps its stream open: a stream is opened for the accounts whose lease this replica takes or renews, and every
 * {@code lease-check-interval} the leases are renewed and compared with what the open stream serves; when one moved
 * (taken by another replica, or taken back here) the stream is closed and opened again for the accounts now held,
 * with backfill and a reconciliation poll. A replica holding none of an app's accounts keeps no connection.
 */
@ApplicationScoped
public class ActivityStreams {

    private static final Logger LOG = Logger.getLogger(ActivityStreams.class);

    /** An X app: the stream is per app. */
    private record App(String baseUrl, String bearerToken) {
    }

    private final ChannelConfig channels;
    private final PushConfig config;
    private final SubscriptionKeeper subscriptions;
    private final PushIntake intake;
    private final PushLedger ledger;
    private final ChannelPoller poller;
    private final ManagedExecutor executor;
    private final ObjectMapper json;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final ChannelAccountService accounts;
    private final Scheduler scheduler;
    private final Map<App, InputStream> open = new ConcurrentHashMap<>();
    /** Per app with an open stream: the accounts it was opened for (their leases held here). */
    private final Map<App, Set<String>> openFor = new ConcurrentHashMap<>();
    /** Every stream app and its accounts. */
    private final Map<App, List<String>> apps = new ConcurrentHashMap<>();
    /** Streams closed on purpose because a lease moved, with the reason (not a failure: no backoff). */
    private final Map<App, String> moved = new ConcurrentHashMap<>();
    private final Map<String, StreamState> states = new ConcurrentHashMap<>();
    private final List<Future<?>> readers = new ArrayList<>();

    ActivityStreams(ChannelConfig channels, PushConfig config, SubscriptionKeeper subscriptions, PushIntake intake,
            PushLedger ledger, ChannelPoller poller, ManagedExecutor executor, ObjectMapper json, Clock clock,
            ChannelAccountService accounts, Scheduler scheduler) {
        this.accounts = accounts;
        this.scheduler = scheduler;
        this.channels = channels;
        this.config = config;
        this.subscriptions = subscriptions;
        this.intake = intake;
        this.ledger = ledger;
        this.poller = poller;
        this.executor = executor;
        this.json = json;
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        channels.accounts().forEach((key, account) -> {
            if (account.delivery().pushed() && account.apiVersion() != XApiVersion.V2) {
                throw new IllegalStateException("signet.channel.accounts." + key + ".delivery=" + account.delivery()
                        .configValue() + " needs api-version=v2: the X Activity API is part of X API v2");
            }
        });
        Map<App, List<String>> byApp = new LinkedHashMap<>();
        channels.accounts().entrySet().stream()
                .filter(entry -> entry.getValue().delivery() == DeliveryMode.STREAM)
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byApp.computeIfAbsent(app(entry.getKey(), entry.getValue()), k -> new ArrayList<>())
                        .add(entry.getKey()));
        byApp.forEach((app, keys) -> {
            keys.forEach(key -> {
                ledger.register(key, clock.instant());
                states.put(key, new StreamState(false, clock.instant(), null, 0));
            });
            XActivityClient client = new XActivityClient(app.baseUrl(), app.bearerToken(), config.connectTimeout(),
                    executor, json);
            apps.put(app, List.copyOf(keys));
            readers.add(executor.submit(() -> run(app, client, keys)));
            LOG.infof("activity stream starting: accounts=%s", keys);
        });
        if (!byApp.isEmpty()) {
            scheduler.newJob("activity-stream-leases")
                    .setInterval(config.leaseCheckInterval().toString())
                    .setDelayed(config.leaseCheckInterval().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                    .setTask(execution -> checkLeases())
                    .schedule();
        }
    }

    /**
     * Renews the leases of the accounts each open stream serves; a stream whose accounts are no longer exactly the
     * ones held here (a lease taken by another replica, or one free again) is closed, and its reader opens it again
     * for the accounts held now.
     */
    void checkLeases() {
        openFor.forEach((app, serving) -> {
            Set<String> heldNow = Set.copyOf(held(apps.getOrDefault(app, List.of())));
            if (!heldNow.equals(serving)) {
                String reason = "poll lease moved: serving " + new TreeSet<>(serving) + ", held here now "
                        + new TreeSet<>(heldNow);
                moved.put(app, reason);
                InputStream stream = open.get(app);
                if (stream != null) {
                    closeQuietly(stream);
                }
                LOG.infof("activity stream closed, %s", reason);
            }
        });
    }

    /** The accounts whose poll lease this replica takes or renews now (the others are held by another replica). */
    private List<String> held(List<String> keys) {
        return keys.stream().filter(accounts::tryLease).toList();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stop.countDown();
        open.values().forEach(ActivityStreams::closeQuietly);
        readers.forEach(reader -> reader.cancel(true));
    }

    /** Each stream account's state on this replica. */
    public Map<String, StreamState> states() {
        return Map.copyOf(states);
    }

    private void run(App app, XActivityClient client, List<String> keys) {
        Duration backoff = config.reconnectMinBackoff();
        long connects = 0;
        boolean standingBy = false;
        while (stop.getCount() > 0) {
            String leaseMoved = null;
            try {
                List<String> served = held(keys);
                if (served.isEmpty()) {
                    // Another replica holds every account of this app: it keeps the stream, this one none.
                    if (!standingBy) {
                        LOG.infof("activity stream not opened, poll leases not held here (another replica's, or the"
                                + " accounts not registered yet): accounts=%s", keys);
                    }
                    standingBy = true;
                    standBy(keys);
                    if (await(config.leaseCheckInterval())) {
                        return;
                    }
                    continue;
                }
                Map<String, String> accountByUser = new HashMap<>();
                for (String key : served) {
                    String userId = subscriptions.brandUserId(key);
                    subscriptions.ensure(client, key, userId, null);
                    accountByUser.put(userId, key);
                }
                InputStream stream = client.openStream(config.backfillMinutes());
                served.forEach(key -> ledger.requests(key, 1));
                open.put(app, stream);
                openFor.put(app, Set.copyOf(served));
                // Opened again after a drop or a lease that moved: what was sent meanwhile may be missing. (A lease
                // taken over from a dead replica is polled by the poller's own lease check; backfill is always asked.)
                boolean reconnect = connects++ > 0;
                standingBy = false;
                for (String key : keys) {
                    StreamState was = states.get(key);
                    states.put(key, served.contains(key)
                            ? new StreamState(true, clock.instant(), null, was.reconnects() + (reconnect ? 1 : 0))
                            : new StreamState(false, clock.instant(), HELD_ELSEWHERE, was.reconnects()));
                }
                LOG.infof("activity stream connected: accounts=%s reconnect=%s", served, reconnect);
                backoff = config.reconnectMinBackoff();
                if (reconnect) {
                    // What X neither backfilled nor pushed is found by reading the accounts once (reconciliation).
                    served.forEach(key -> executor.execute(() -> poller.poll(key)));
                }
                read(stream, accountByUser);
                leaseMoved = moved.remove(app);
                if (leaseMoved == null) {
                    failed(keys, "stream closed by X");
                }
            } catch (ChannelException | IntakeFailedException | IOException e) {
                leaseMoved = moved.remove(app);
                if (leaseMoved == null) {
                    failed(keys, e.getMessage());
                }
            } catch (RuntimeException e) {
                // The reader must outlive any one failure (the account row not registered yet, the database away):
                // it is reported on the health page and retried after the backoff.
                leaseMoved = moved.remove(app);
                if (leaseMoved == null) {
                    failed(keys, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            } finally {
                openFor.remove(app);
                InputStream stream = open.remove(app);
                if (stream != null) {
                    closeQuietly(stream);
                }
            }
            if (leaseMoved != null) {
                // Closed on purpose: open again at once for the accounts held now (backfill and reconciliation).
                standingBy = true;
                standBy(keys);
                continue;
            }
            if (await(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(config.reconnectMaxBackoff()) > 0 ? config.reconnectMaxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    private static final String HELD_ELSEWHERE = "poll lease held by another replica";

    /** The accounts' states while this replica holds none of their streams. */
    private void standBy(List<String> keys) {
        for (String key : keys) {
            StreamState was = states.get(key);
            states.put(key, new StreamState(false, clock.instant(), HELD_ELSEWHERE, was == null ? 0 : was.reconnects()));
        }
    }

    /**
     * Reads lines until the stream ends; a line that is not JSON is skipped and logged (X sends keep-alive blanks).
     * The lines already arrived are taken together (up to {@link #BATCH}), one hand-over per account, so that a burst
     * or a backfill is stored in a few transactions rather than one per event.
     */
    private void read(InputStream stream, Map<String, String> accountByUser) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String line;
        while (stop.getCount() > 0 && (line = lines.readLine()) != null) {
            Map<String, List<JsonNode>> byAccount = new LinkedHashMap<>();
            int taken = 0;
            do {
                add(line, accountByUser, byAccount);
                taken++;
            } while (taken < BATCH && lines.ready() && (line = lines.readLine()) != null);
            byAccount.forEach(intake::take);
        }
    }

    private static final int BATCH = 200;

    private void add(String line, Map<String, String> accountByUser, Map<String, List<JsonNode>> byAccount) {
        if (line.isBlank()) {
            return;
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(line);
        } catch (JsonProcessingException e) {
            LOG.warnf("activity stream line is not JSON, skipped: length=%d", line.length());
            return;
        }
        String accountKey = accountByUser.get(ActivityEvents.userId(envelope));
        if (accountKey == null) {
            LOG.debugf("activity event for a user no stream account has, skipped");
            return;
        }
        byAccount.computeIfAbsent(accountKey, k -> new ArrayList<>()).add(envelope);
    }

    private void failed(List<String> keys, String reason) {
        if (stop.getCount() == 0) {
            return;
        }
        LOG.warnf("activity stream down, reconnecting: accounts=%s reason=%s", keys, reason);
        for (String key : keys) {
            StreamState was = states.get(key);
            states.put(key, new StreamState(false, clock.instant(), reason, was == null ? 0 : was.reconnects()));
        }
    }

    /** Waits for the backoff; true when Signet is stopping. */
    private boolean await(Duration backoff) {
        try {
            return stop.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static App app(String key, ChannelConfig.Account account) {
        String token = account.bearerToken().orElseThrow(() -> new IllegalStateException(
                "signet.channel.accounts." + key + ".bearer-token is needed for delivery=stream"));
        return new App(account.apiV2BaseUrl(), Objects.requireNonNull(token));
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debugf("closing an activity stream failed: %s", e.getMessage());
        }
    }
}
