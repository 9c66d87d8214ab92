package dev.signet.channel.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.ChannelConfig;
import dev.signet.channel.ChannelException;
import dev.signet.channel.DeliveryMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sets up each {@code webhook} account with X at start, on the managed executor, retrying with backoff until done:
 * registers {@code webhook-base-url + account} (X checks its CRC), creates the missing subscriptions bound to it and
 * asks X to replay what was sent since the last event received (at most {@code replay-window}, X keeps 24 h), so a
 * restart or outage loses nothing.
 */
@ApplicationScoped
public class WebhookSetup {

    private static final Logger LOG = Logger.getLogger(WebhookSetup.class);

    private final ChannelConfig channels;
    private final PushConfig config;
    private final SubscriptionKeeper subscriptions;
    private final PushLedger ledger;
    private final ManagedExecutor executor;
    private final ObjectMapper json;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Map<String, StreamState> states = new ConcurrentHashMap<>();

    WebhookSetup(ChannelConfig channels, PushConfig config, SubscriptionKeeper subscriptions, PushLedger ledger,
            ManagedExecutor executor, ObjectMapper json, Clock clock) {
        this.channels = channels;
        this.config = config;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.executor = executor;
        this.json = json;
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        channels.accounts().forEach((key, account) -> {
            if (account.delivery() != DeliveryMode.WEBHOOK) {
                return;
            }
            String base = config.webhookBaseUrl().orElseThrow(() -> new IllegalStateException(
                    "signet.channel.push.webhook-base-url is needed: account " + key + " uses delivery=webhook"));
            String token = account.bearerToken().orElseThrow(() -> new IllegalStateException(
                    "signet.channel.accounts." + key + ".bearer-token is needed for delivery=webhook"));
            ledger.register(key, clock.instant());
            states.put(key, new StreamState(false, clock.instant(), null, 0));
            XActivityClient client = new XActivityClient(account.apiV2BaseUrl(), token, config.connectTimeout(), executor,
                    json);
            String url = (base.endsWith("/") ? base : base + "/") + key;
            executor.execute(() -> setUp(key, client, url));
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stop.countDown();
    }

    /** Each webhook account's state on this replica. */
    public Map<String, StreamState> states() {
        return Map.copyOf(states);
    }

    private void setUp(String accountKey, XActivityClient client, String url) {
        Duration backoff = config.reconnectMinBackoff();
        while (stop.getCount() > 0) {
            try {
                String userId = subscriptions.brandUserId(accountKey);
                XActivityClient.Webhook webhook = client.webhooks().stream()
                        .filter(w -> url.equals(w.url()) && w.valid()).findFirst()
                        .orElseGet(() -> client.createWebhook(url));
                ledger.requests(accountKey, 2);
                if (webhook.id() == null || !webhook.valid()) {
                    throw new ChannelException("X did not validate the webhook " + url, true, null);
                }
                subscriptions.ensure(client, accountKey, userId, webhook.id());
                Instant now = clock.instant();
                Instant oldest = now.minus(config.replayWindow());
                ledger.lastEventAt(accountKey).ifPresent(last -> {
                    client.replay(webhook.id(), last.isBefore(oldest) ? oldest : last, now);
                    ledger.requests(accountKey, 1);
                });
                states.put(accountKey, new StreamState(true, clock.instant(), null, 0));
                LOG.infof("webhook ready: account=%s", accountKey);
                return;
            } catch (RuntimeException e) {
                // Retried after the backoff (X away, the CRC not answered yet, the account not registered yet).
                LOG.warnf("webhook set-up failed, retrying: account=%s reason=%s", accountKey, e.getMessage());
                states.put(accountKey, new StreamState(false, clock.instant(), e.getMessage(), 0));
            }
            try {
                if (stop.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(config.reconnectMaxBackoff()) > 0 ? config.reconnectMaxBackoff()
                    : backoff.multipliedBy(2);
        }
    }
}
