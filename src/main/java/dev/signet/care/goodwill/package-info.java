/**
 * Goodwill gestures (a voucher, a refund) recorded on a conversation, within per-agent and
 * per-period limits, approved by a lead above the agent's limit.
 * <p>
 * Owns {@code GoodwillGesture} (table {@code goodwill_gesture}) and {@code signet.care.goodwill.*}. Offers
 * {@code GoodwillCommands} (record, approve, decline) and the read model {@code GoodwillLedger} (allowance
 * left, own and team ledgers, pending gestures, a conversation's gestures), the {@code GoodwillViews} records, and the API.
 */
package dev.signet.care.goodwill;
