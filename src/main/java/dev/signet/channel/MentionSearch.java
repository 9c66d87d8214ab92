package dev.signet.channel;

import java.util.List;

/**
 * What one bounded search for mentions returned.
 *
 * @param messages the posts found, oldest first
 * @param complete the search reached its lower bound (no further page)
 * @param oldestId the oldest id read (null when nothing was found): an unfinished search continues below it
 */
public record MentionSearch(List<InboundMessage> messages, boolean complete, String oldestId) {
}
