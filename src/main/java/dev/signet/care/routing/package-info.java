/**
 * Who should handle a conversation: escalation to the leads (a third contact about the same matter), continuity
 * (a returning customer is offered to the agent who handled them before) and agents' presence (on shift, away).
 * <p>
 * Owns {@code EscalationEvent}, {@code AgentPresence} and their tables. Offers {@code EscalationService},
 * {@code ContinuityService} (both called by {@code care.CustomerMessages} when customers write),
 * {@code PresenceService}, the {@code ContinuityView} / {@code PresenceView} records and the presence API.
 */
package dev.signet.care.routing;
