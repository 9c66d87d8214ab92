/**
 * Per-user notifications ({@code notification}): @initials mentions in notes ({@code InitialsMentionRule}),
 * escalations, continuity offers and other notices, the notifications API and its live stream.
 */
package dev.signet.notification;
