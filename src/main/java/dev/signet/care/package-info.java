/**
 * Care's conversation aggregate and its front door.
 * <p>
 * Owns {@code Conversation} and {@code Message} (tables {@code conversation}, {@code message}), the status state
 * machine and its history ({@code StatusChange}), contacts ({@code Contact}, {@code ContactRule}), hand-offs, the
 * queue priority ({@code PriorityRule}), the customer's clock, the small view records and {@code QueueChanged}.
 * <p>
 * Offers {@code CustomerMessages} (what a customer's message means to care: intake calls it once per batch),
 * {@code CareService} (an agent's commands on a conversation), {@code ConversationQueryService} (reads, as
 * views) and {@code CareFigures} (insight's read API: CSAT, escalation and resolution figures, message texts). It
 * sits above {@code sentiment}: it shows the scores, raises priority on them and answers sentiment's port
 * {@code sentiment.MessageTexts} ({@code CareMessageTexts}). The rooms around the aggregate are sub-packages: {@code care.queue}, {@code care.note},
 * {@code care.routing}, {@code care.csat}, {@code care.promise}, {@code care.goodwill}. They depend on the
 * aggregate; none depends on another room (checked by {@code architecture.PackageDependenciesTest}).
 */
package dev.signet.care;
