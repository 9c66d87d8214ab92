package dev.signet.insight;

import java.time.Instant;
import java.util.List;

/**
 * The market feedback agents flagged in a period, for the brand manager: team counts per category and the flagged
 * messages (newest first). It says nothing about which agent's customer it was, nor who flagged it.
 *
 * @param available always true now that agents flag (kept so clients reading the earlier "no data yet" shape work)
 * @param total     flags in the period; {@code items} holds the newest {@link #ITEMS_SHOWN} of them
 */
public record MarketFeedbackReport(boolean available, long total, List<CategoryCount> byCategory, List<Item> items) {

    public static final int ITEMS_SHOWN = 50;

    /** Flags of one category in the period (every category is listed, zero included). */
    public record CategoryCount(FeedbackCategory category, long count) {
    }

    /** A flagged message (its text is the customer's: hostile input, escaped by pages). */
    public record Item(long messageId, FeedbackCategory category, String note, Instant sentAt, Instant flaggedAt,
            String text) {
    }
}
