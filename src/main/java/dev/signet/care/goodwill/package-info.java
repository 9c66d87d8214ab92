/**
 * Goodwill gestures (a voucher, a refund) recorded on a conversation, within per-agent and
 * per-period limits, approved by a lead above the agent's limit.
 * <p>
 * Owns {@code GoodwillGesture} (table {@code goodwill_gesture}) and {@code signet.care.goodwill.*}. Offers
 * {@code GoodwillService} (record, approve, decline, the ledgers), the {@code GoodwillViews} records, and the API.
 */
package dev.signet.care.goodwill;
