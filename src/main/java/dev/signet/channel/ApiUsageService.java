package dev.signet.channel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.twitter.twittertext.Extractor;

import io.quarkus.scheduler.Scheduled;

/**
 * The X API cost meter: counts, per account and UTC month, the resources read (polled, searched, pushed) and the
 * posts and DMs published, priced with {@link ApiCostConfig} by {@link ApiPricing}. X bills a read per resource
 * returned and a resource once per UTC day, so a resource read again on the same day (a reconciliation poll finding
 * what was pushed, a page read twice) is counted as a free re-read ({@link ApiReadDays}).
 */
@ApplicationScoped
public class ApiUsageService {

    private static final Logger LOG = Logger.getLogger(ApiUsageService.class);

    private final ApiUsageRepository usage;
    private final ApiReadDays readDays;
    private final ApiPricing pricing;
    private final ChannelAccountService accounts;
    private final Clock clock;
    private final Extractor extractor = new Extractor();

    public ApiUsageService(ApiUsageRepository usage, ApiReadDays readDays, ApiCostConfig prices,
            ChannelAccountService accounts, Clock clock) {
        this.usage = usage;
        this.readDays = readDays;
        this.pricing = new ApiPricing(prices);
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Counts resources read: each id is billed on its first read of the UTC day, free after; a null id (an item X
     * returned without one) is always billed.
     */
    @Transactional
    public void read(String accountKey, BilledRead kind, Collection<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // Without an id, always billed; with one, in a fixed order, so that two reads of the same ids racing (a push and
        // a poll) wait for each other rather than deadlock.
        long billed = resourceIds.stream().filter(Objects::isNull).count();
        for (String id : new TreeSet<>(resourceIds.stream().filter(Objects::nonNull).toList())) {
            if (readDays.firstReadToday(accountKey, today, kind.resource() + ":" + id)) {
                billed++;
            }
        }
        usage.forMonth(accountKey, monthOf(now)).read(kind, billed, resourceIds.size() - billed);
    }

    /** Users looked up for authors X did not expand (one batched lookup per fetch at most). */
    @Transactional
    public void usersRead(String accountKey, int users) {
        if (users > 0) {
            usage.forMonth(accountKey, monthOf(clock.instant())).usersRead(users);
        }
    }

    /**
     * A public post published: priced as a post with a URL, else as a reply to a customer who mentioned the brand
     * when it answers a post ({@code inReplyToExternalId}; Signet answers only posts that reached it as mentions), else
     * as a post.
     */
    @Transactional
    public void repliedPublicly(String accountKey, String text, String inReplyToExternalId) {
        usage.forMonth(accountKey, monthOf(clock.instant()))
                .published(!extractor.extractURLs(text).isEmpty(), inReplyToExternalId != null);
    }

    @Transactional
    public void sentDirectMessage(String accountKey) {
        usage.forMonth(accountKey, monthOf(clock.instant())).sentDirectMessage();
    }

    /** Every account's use in a month, priced, projected and compared across delivery modes. */
    @Transactional
    public List<ApiUsageView> month(YearMonth month) {
        Instant now = clock.instant();
        return usage.ofMonth(month.toString()).stream().map(row -> view(row, month, now)).toList();
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Yesterday's and older days' reads can no longer make a read free. */
    @Scheduled(identity = "api-read-day-purge", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeOldReadDays() {
        int purged = readDays.purgeBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (purged > 0) {
            LOG.debugf("api read days purged: rows=%d", purged);
        }
    }

    private static String monthOf(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
    }

    private ApiUsageView view(ApiUsage row, YearMonth month, Instant now) {
        UsageCounts c = row.counts();
        DeliveryMode mode = accounts.delivery(row.accountKey());
        BigDecimal cost = pricing.cost(c);
        // The account's own mode is priced as counted; the other mode is estimated from the same events.
        BigDecimal polled = mode.pushed() ? pricing.asPolled(c) : cost;
        BigDecimal pushed = mode.pushed() ? cost : pricing.asPushed(c);
        BigDecimal pollMonth = ApiPricing.projectMonth(polled, month, now);
        BigDecimal pushMonth = ApiPricing.projectMonth(pushed, month, now);
        return new ApiUsageView(row.accountKey(), row.month(), mode.configValue(), c.ownedReads(), c.postReads(),
                c.dmReads(), c.pushedPosts(), c.pushedDms(), c.replies(), c.posts(), c.postsWithUrl(), c.dmsSent(),
                c.userReads(), row.freeRereads(), cost, ApiPricing.projectMonth(cost, month, now), pollMonth, pushMonth,
                pollMonth.subtract(pushMonth));
    }
}
