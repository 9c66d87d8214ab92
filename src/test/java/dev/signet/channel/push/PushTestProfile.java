package dev.signet.channel.push;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The v2 test brands pushed by the sandbox's X Activity API: {@code test-air-v2} by stream, {@code test-mobile-v2} by
 * webhook (to this test application's own {@code /webhooks/x/}). Reconnects are quick so the tests need not wait.
 */
public class PushTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "signet.channel.accounts.test-air-v2.delivery", "stream",
                "signet.channel.accounts.test-air-v2.bearer-token", "sandbox-bearer-token",
                "signet.channel.accounts.test-mobile-v2.delivery", "webhook",
                "signet.channel.accounts.test-mobile-v2.bearer-token", "sandbox-bearer-token",
                "signet.channel.push.webhook-base-url", "http://127.0.0.1:${quarkus.http.test-port}/webhooks/x/",
                "signet.channel.push.reconnect-min-backoff", "100ms",
                "signet.channel.push.reconnect-max-backoff", "1s",
                "signet.channel.push.lease-check-interval", "1s");
    }
}
