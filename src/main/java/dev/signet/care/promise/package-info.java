/**
 * Promised updates: an agent sets a conversation "waiting on us" with the time the customer will hear back, and
 * optionally the update to publish then; the watch raises promises in the queue, announces them when due and
 * hands scheduled updates to {@code reply}.
 * <p>
 * Owns {@code UpdatePromise} (table {@code update_promise}). Offers {@code PromiseTime} (reading the promised
 * time in the account's zone), {@code PromiseRequest} / {@code PromiseView} / {@code PromiseStats},
 * {@code PromiseStatsService}, the {@code ScheduledUpdateCheck} SPI (implemented by {@code reply}) and the API.
 */
package dev.signet.care.promise;
