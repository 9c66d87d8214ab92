package dev.signet.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * What one bounded search for mentions returned.
 *
 * @param messages the posts found, oldest first
 * @param complete the search reached its lower bound (no further page)
 * @param oldestId the oldest id read (null when nothing was found): an unfinished search continues below it
 * @param quarantined posts found that can't be taken (kept in the quarantine, as a poll's would be)
 */
public record MentionSearch(List<InboundMessage> messages, boolean complete, String oldestId,
        List<QuarantinedItem> quarantined) {

    public MentionSearch(List<InboundMessage> messages, boolean complete, String oldestId) {
        this(messages, complete, oldestId, List.of());
    }

    /** The ids of everything X returned and bills: the posts found and the quarantined ones (null when one has none). */
    public List<String> billedIds() {
        List<String> ids = new ArrayList<>(messages.size() + quarantined.size());
        messages.forEach(message -> ids.add(message.externalId()));
        quarantined.forEach(item -> ids.add(item.externalId()));
        return ids;
    }
}
