package dev.signet.channel.push;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.channel.ChannelConfig;

/** Each configured account's delivery mode and push figures (see {@link PushView}). */
@ApplicationScoped
public class PushStatus {

    private final ChannelConfig channels;
    private final PushLedger ledger;
    private final ActivityStreams streams;
    private final WebhookSetup webhooks;

    PushStatus(ChannelConfig channels, PushLedger ledger, ActivityStreams streams, WebhookSetup webhooks) {
        this.channels = channels;
        this.ledger = ledger;
        this.streams = streams;
        this.webhooks = webhooks;
    }

    /** Every configured account, by key. */
    public List<PushView> all() {
        Map<String, PushLedger.Figures> figures = ledger.figures();
        Map<String, StreamState> streaming = streams.states();
        Map<String, StreamState> hooked = webhooks.states();
        return channels.accounts().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            String key = entry.getKey();
            ChannelConfig.Account account = entry.getValue();
            PushLedger.Figures f = figures.getOrDefault(key, new PushLedger.Figures(0, 0, 0));
            StreamState state = streaming.getOrDefault(key, hooked.get(key));
            return new PushView(key, account.delivery().configValue(), state != null && state.connected(),
                    state == null ? null : state.since(), state == null ? null : state.lastError(),
                    state == null ? 0 : state.reconnects(), f.pushed(), f.foundByReconciliation(), f.requests(),
                    account.delivery().pushed() ? account.reconcileInterval() : null);
        }).toList();
    }
}
