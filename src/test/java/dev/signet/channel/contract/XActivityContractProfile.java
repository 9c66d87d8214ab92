package dev.signet.channel.contract;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link XContractProfile} with {@code test-air-v2} on {@code webhook} delivery: the webhook set-up (webhooks, activity
 * subscriptions, replay) goes through the recording proxy too; retries are quick, as the proxy listens only once the
 * test has started.
 */
public class XActivityContractProfile extends XContractProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("signet.channel.accounts.test-air-v2.delivery", "webhook");
        overrides.put("signet.channel.accounts.test-air-v2.bearer-token", "sandbox-bearer-token");
        overrides.put("signet.channel.push.webhook-base-url", "http://127.0.0.1:${quarkus.http.test-port}/webhooks/x/");
        overrides.put("signet.channel.push.reconnect-min-backoff", "100ms");
        overrides.put("signet.channel.push.reconnect-max-backoff", "1s");
        return overrides;
    }
}
