package dev.signet.channel.push;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.signet.channel.ApiUsageService;
import dev.signet.channel.BilledRead;
import dev.signet.channel.ChannelAccountService;
import dev.signet.channel.InboundHandOver;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.MessagesRead;
import dev.signet.channel.QuarantineSink;
import dev.signet.channel.QuarantinedItem;
import dev.signet.channel.oauth.OAuth2Service;

/**
 * Takes pushed events of a brand account: hands their messages to the same inbound channel the poller uses
 * ({@link InboundHandOver}: Kafka in production, acknowledged once the broker has them) and quarantines what can't be
 * taken, never doing intake itself. It also watches reconciliation polls of push accounts ({@link MessagesRead}): a
 * message polled that was never pushed, written after push began, is a gap X left, counted per account.
 */
@ApplicationScoped
public class PushIntake {

    private static final Logger LOG = Logger.getLogger(PushIntake.class);
    private static final String OAUTH_REVOKE = "oauth.revoke";

    private final InboundHandOver handOver;
    private final QuarantineSink quarantine;
    private final PushLedger ledger;
    private final ChannelAccountService accounts;
    private final ApiUsageService usage;
    private final Clock clock;
    private final OAuth2Service oauth;

    PushIntake(InboundHandOver handOver, QuarantineSink quarantine, PushLedger ledger, ChannelAccountService accounts,
            ApiUsageService usage, Clock clock, OAuth2Service oauth) {
        this.oauth = oauth;
        this.usage = usage;
        this.handOver = handOver;
        this.quarantine = quarantine;
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Takes envelopes pushed for {@code accountKey}; returns once every message is taken for good (else throws
     * {@link dev.signet.channel.IntakeFailedException}), so that a webhook answers 200 only then.
     *
     * @return the number of messages handed over
     */
    public int take(String accountKey, List<JsonNode> envelopes) {
        // One message per id: X may deliver an event twice, and one intake batch must not hold it twice.
        Map<String, InboundMessage> messages = new LinkedHashMap<>();
        List<QuarantinedItem> untakable = new ArrayList<>();
        List<String> postEvents = new ArrayList<>();
        List<String> dmEvents = new ArrayList<>();
        Instant now = clock.instant();
        for (JsonNode envelope : envelopes) {
            ActivityEvent event = ActivityEvents.read(accountKey, envelope);
            if (event.isMessage()) {
                messages.putIfAbsent(event.message().externalId(), event.message());
                (event.message().kind() == MessageKind.DIRECT_MESSAGE ? dmEvents : postEvents)
                        .add(event.message().externalId());
            } else if (event.quarantined() != null) {
                untakable.add(event.quarantined());
                (event.quarantined().kind() == MessageKind.DIRECT_MESSAGE ? dmEvents : postEvents)
                        .add(event.quarantined().externalId());
            } else if (OAUTH_REVOKE.equals(event.eventType())) {
                // The brand's user revoked Signet's app on X: its OAuth 2.0 user context is gone.
                oauth.revokedByX(accountKey);
            } else {
                LOG.debugf("pushed event not taken: account=%s type=%s", accountKey, event.eventType());
            }
        }
        // X bills each delivered post or DM event (a re-delivery on the same UTC day is free), taken or not.
        usage.read(accountKey, BilledRead.PUSHED_POST, postEvents);
        usage.read(accountKey, BilledRead.PUSHED_DM, dmEvents);
        if (!messages.isEmpty()) {
            // Marked before the hand-over: a reconciliation poll racing this delivery must not count it as a gap.
            ledger.seenAll(accountKey, messages.keySet(), PushLedger.PUSHED, now);
            handOver.deliver(List.copyOf(messages.values()));
            ledger.eventReceived(accountKey, now);
        }
        if (!untakable.isEmpty()) {
            quarantine.hold(untakable);
            LOG.warnf("pushed items quarantined: account=%s count=%d", accountKey, untakable.size());
        }
        return messages.size();
    }

    /** A poll of a push account: what it found that was never pushed is a gap X left (and one more X call). */
    void reconciled(@Observes MessagesRead read) {
        if (!accounts.delivery(read.accountKey()).pushed()) {
            return;
        }
        Instant now = clock.instant();
        // X serves 100 items a page: a read of n messages took at least n / 100 + 1 calls.
        ledger.requests(read.accountKey(), 1 + read.messages().size() / 100);
        Instant since = ledger.pushSince(read.accountKey()).orElse(now);
        int found = 0;
        for (InboundMessage message : read.messages()) {
            if (!message.sentAt().isBefore(since)
                    && ledger.seen(read.accountKey(), message.externalId(), PushLedger.RECONCILED, now)) {
                found++;
            }
        }
        if (found > 0) {
            LOG.infof("reconciliation found messages X did not push: account=%s endpoint=%s count=%d",
                    read.accountKey(), read.endpoint().tag(), found);
        }
    }
}
