package dev.signet.channel.gap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.channel.ApiCall;
import dev.signet.channel.ApiUsageService;
import dev.signet.channel.BilledRead;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.ChannelConnector;
import dev.signet.channel.ChannelException;
import dev.signet.channel.ChannelRetry;
import dev.signet.channel.FetchResult;
import dev.signet.channel.InboundHandOver;
import dev.signet.channel.IntakeFailedException;
import dev.signet.channel.MentionSearch;
import dev.signet.channel.QuarantineSink;
import dev.signet.channel.RateLimitBudget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Says and mends gaps in the mentions timeline. A mentions read that paged to the end of what X serves without
 * meeting the stored cursor ({@link FetchResult#gap()}) is recorded as a gap, logged as a warning (the silence
 * alarm's channel), counted ({@code signet.channel.gaps.detected}, {@code signet.channel.gaps.open}) and shown on
 * the health page and {@code /api/accounts}. The poller then asks for recovery on its own thread, under its lease:
 * each open gap is searched newest first with X's recent search, a bounded number of pages per poll, and what is
 * found goes through the same hand-over as polled mentions (idempotent on network and id, so overlap is harmless).
 * A search failure keeps the gap open for the next poll; what is older than X's search reaches is reported lost.
 */
@ApplicationScoped
public class GapService {

    private static final Logger LOG = Logger.getLogger(GapService.class);
    /** Gaps listed by the API and the health page. */
    static final int LISTED = 50;

    private final MentionGapRepository gaps;
    private final GapConfig config;
    private final ChannelConfig channels;
    private final ChannelRetry retry;
    private final RateLimitBudget budget;
    private final ApiUsageService usage;
    private final InboundHandOver handOver;
    private final QuarantineSink quarantine;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicInteger> openGauges = new ConcurrentHashMap<>();

    public GapService(MentionGapRepository gaps, GapConfig config, ChannelConfig channels, ChannelRetry retry, RateLimitBudget budget,
            ApiUsageService usage, InboundHandOver handOver, QuarantineSink quarantine, MeterRegistry registry,
            Clock clock) {
        this.gaps = gaps;
        this.config = config;
        this.channels = channels;
        this.retry = retry;
        this.budget = budget;
        this.usage = usage;
        this.handOver = handOver;
        this.quarantine = quarantine;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * After the poller stored a mentions read: records the gap it left (only when the account had a stored cursor:
     * a first read starts from its backfill window by design), then searches the account's open gaps, bounded.
     * Never throws for a failed search: the gap keeps the reason and stays open.
     */
    public void afterMentionsRead(String accountKey, ChannelConnector connector, Optional<FetchResult> read,
            boolean cursorWasStored) {
        if (read.isPresent() && read.get().gap() != null && cursorWasStored) {
            record(accountKey, read.get().gap(), read.get().messages().size());
        }
        ChannelConfig.Account account = channels.accounts().get(accountKey);
        if (config.recover() && account != null) {
            recover(accountKey, account.handle(), connector);
        }
    }

    /** Records a gap; the estimate assumes mentions kept arriving at the rate of the ones read after it. */
    public GapView record(String accountKey, FetchResult.Gap gap, int readAfter) {
        Instant now = clock.instant();
        int estimated = estimate(gap, readAfter, now);
        GapView view = QuarkusTransaction.requiringNew().call(() -> {
            MentionGap row = new MentionGap(accountKey, gap.afterId(), gap.beforeId(), gap.from(), gap.to(), estimated, now);
            gaps.persist(row);
            return row.view();
        });
        Counter.builder("signet.channel.gaps.detected").tag("account", accountKey)
                .description("Gaps found in the mentions timeline: polling paused longer than X serves mentions back")
                .register(registry).increment();
        refreshOpenGauge(accountKey);
        LOG.warnf("mentions gap: account=%s afterId=%s beforeId=%s from=%s to=%s estimatedMentions=%d gap=%d",
                accountKey, gap.afterId(), gap.beforeId(), gap.from(), gap.to(), estimated, view.id());
        return view;
    }

    static int estimate(FetchResult.Gap gap, int readAfter, Instant now) {
        Duration covered = Duration.between(gap.to(), now);
        Duration missing = Duration.between(gap.from(), gap.to());
        if (readAfter <= 0 || covered.isNegative() || covered.isZero()) {
            return 0;
        }
        double perMilli = readAfter / (double) Math.max(1, covered.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, Math.round(perMilli * missing.toMillis()));
    }

    /** Searches the account's open gaps, newest first, within {@link GapConfig#maxPagesPerPoll()} pages. */
    public void recover(String accountKey, String handle, ChannelConnector connector) {
        int pagesLeft = config.maxPagesPerPoll();
        int limit = pagesLeft;
        List<Long> open = QuarkusTransaction.requiringNew().call(() -> gaps.open(accountKey, limit).stream()
                .map(MentionGap::id).toList());
        for (Long id : open) {
            if (pagesLeft <= 0 || budget.blockedUntil(accountKey, ApiCall.SEARCH, clock.instant()).isPresent()) {
                return;
            }
            pagesLeft -= searchOnce(id, handle, connector, pagesLeft);
        }
    }

    /** One search of one gap; returns the pages it may have used. */
    private int searchOnce(Long gapId, String handle, ChannelConnector connector, int pages) {
        Instant now = clock.instant();
        Instant horizon = now.minus(config.searchWindow());
        MentionGap gap = QuarkusTransaction.requiringNew().call(() -> gaps.findById(gapId));
        // The part of the gap older than the search reaches is lost: search only what X can still give.
        Instant lostBefore = gap.fromTime().isBefore(horizon) ? horizon : null;
        String searchFrom = lostBefore == null ? gap.afterId()
                : max(gap.afterId(), connector.cursorAt(horizon));
        if (Long.parseLong(gap.searchUntilId()) - 1 <= Long.parseLong(searchFrom)) {
            close(gapId, lostBefore, 0, null);
            return 0;
        }
        MentionSearch found;
        try {
            found = retry.call(() -> connector.searchMentions(handle, searchFrom, gap.searchUntilId(), pages));
            if (!found.messages().isEmpty()) {
                handOver.deliver(found.messages());
            }
            if (!found.quarantined().isEmpty()) {
                quarantine.hold(found.quarantined());
            }
        } catch (ChannelException | IntakeFailedException e) {
            QuarkusTransaction.requiringNew().run(() -> gaps.findById(gapId).searchFailed(e.getMessage()));
            LOG.warnf("mentions gap search failed, retried next poll: account=%s gap=%d reason=%s",
                    gap.accountKey(), gapId, e.getMessage());
            return pages;
        }
        usage.read(gap.accountKey(), BilledRead.POST, found.billedIds());
        if (found.complete()) {
            close(gapId, lostBefore, found.messages().size(), found.oldestId());
        } else {
            QuarkusTransaction.requiringNew().run(() -> gaps.findById(gapId)
                    .searched(found.messages().size(), found.oldestId()));
            LOG.infof("mentions gap search continues: account=%s gap=%d found=%d", gap.accountKey(), gapId,
                    found.messages().size());
        }
        return pages;
    }

    private void close(Long gapId, Instant lostBefore, int found, String oldestId) {
        GapView closed = QuarkusTransaction.requiringNew().call(() -> {
            MentionGap row = gaps.findById(gapId);
            row.searched(found, oldestId);
            row.closed(lostBefore, clock.instant());
            return row.view();
        });
        refreshOpenGauge(closed.accountKey());
        Counter.builder("signet.channel.gaps.recovered.mentions").tag("account", closed.accountKey())
                .description("Mentions recovered from X's search after a gap in the mentions timeline")
                .register(registry).increment(closed.recovered());
        if (closed.state() == GapState.LOST) {
            Counter.builder("signet.channel.gaps.lost").tag("account", closed.accountKey())
                    .description("Gaps partly older than X's search reaches: mentions lost for good")
                    .register(registry).increment();
            LOG.warnf("mentions gap closed, part lost for good: account=%s gap=%d recovered=%d lostBefore=%s",
                    closed.accountKey(), gapId, closed.recovered(), lostBefore);
        } else {
            LOG.infof("mentions gap recovered: account=%s gap=%d recovered=%d", closed.accountKey(), gapId,
                    closed.recovered());
        }
    }

    private static String max(String a, String b) {
        return Long.parseLong(a) >= Long.parseLong(b) ? a : b;
    }

    /** The latest gaps (of one account, or all when null), newest first. */
    @Transactional
    public List<GapView> latest(String accountKey) {
        return gaps.latest(accountKey, LISTED).stream().map(MentionGap::view).toList();
    }

    /** Open gaps per account key (accounts without one are absent). */
    @Transactional
    public Map<String, Long> openCounts() {
        return gaps.openCounts();
    }

    /** {@code signet.channel.gaps.open{account}}: the account's open gaps, as this replica last changed them. */
    private void refreshOpenGauge(String accountKey) {
        long open = QuarkusTransaction.requiringNew().call(() -> gaps.openCounts().getOrDefault(accountKey, 0L));
        openGauges.computeIfAbsent(accountKey, key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("signet.channel.gaps.open", value, AtomicInteger::get).tag("account", key)
                    .description("Open gaps in the mentions timeline: mentions X no longer serves, not yet recovered")
                    .register(registry);
            return value;
        }).set((int) open);
    }
}
