package dev.signet.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.twitter.twittertext.Extractor;

/**
 * The X API cost meter: counts, per account and UTC month, the posts and DM events read and the replies and DMs
 * published, priced with {@link ApiCostConfig}. Reads are counted as returned; X bills a resource once per UTC
 * day, and since polling moves a since_id cursor a resource is normally returned once, so the meter is at most a
 * slight overestimate (after a cursor reset).
 */
@ApplicationScoped
public class ApiUsageService {

    private final ApiUsageRepository usage;
    private final ApiCostConfig prices;
    private final Clock clock;
    private final Extractor extractor = new Extractor();

    public ApiUsageService(ApiUsageRepository usage, ApiCostConfig prices, Clock clock) {
        this.usage = usage;
        this.prices = prices;
        this.clock = clock;
    }

    @Transactional
    public void read(String accountKey, int posts, int directMessages) {
        if (posts > 0 || directMessages > 0) {
            usage.forMonth(accountKey, thisMonth().toString()).read(posts, directMessages);
        }
    }

    /** Users looked up for authors X did not expand (one batched lookup per fetch at most). */
    @Transactional
    public void usersRead(String accountKey, int users) {
        if (users > 0) {
            usage.forMonth(accountKey, thisMonth().toString()).usersRead(users);
        }
    }

    @Transactional
    public void repliedPublicly(String accountKey, String text) {
        usage.forMonth(accountKey, thisMonth().toString()).replied(!extractor.extractURLs(text).isEmpty());
    }

    @Transactional
    public void sentDirectMessage(String accountKey) {
        usage.forMonth(accountKey, thisMonth().toString()).sentDirectMessage();
    }

    /** Every account's use in a month, priced. */
    @Transactional
    public List<ApiUsageView> month(YearMonth month) {
        return usage.ofMonth(month.toString()).stream().map(this::view).toList();
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    private ApiUsageView view(ApiUsage row) {
        BigDecimal cost = price(prices.postRead(), row.postReads())
                .add(price(prices.dmRead(), row.dmReads()))
                .add(price(prices.reply(), row.replies()))
                .add(price(prices.postWithUrl(), row.repliesWithUrl()))
                .add(price(prices.dmSent(), row.dmsSent()))
                .add(price(prices.userRead(), row.userReads()))
                .setScale(3, RoundingMode.HALF_UP);
        return new ApiUsageView(row.accountKey(), row.month(), row.postReads(), row.dmReads(), row.replies(),
                row.repliesWithUrl(), row.dmsSent(), row.userReads(), cost);
    }

    private static BigDecimal price(BigDecimal unit, long count) {
        return unit.multiply(BigDecimal.valueOf(count));
    }
}
