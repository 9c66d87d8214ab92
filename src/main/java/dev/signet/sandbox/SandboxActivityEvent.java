package dev.signet.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Something happened on the fake X that its Activity API pushes, fired by {@link SandboxService} and delivered by
 * {@link SandboxActivity} once the transaction commits: a post (an explicit @mention of users, or a direct reply to a
 * user's post) or a DM. A snapshot, so that delivery needs no database.
 *
 * @param targets  each (event type, user id) the event is for, e.g. ({@code dm.received}, recipient)
 * @param id       the post's or DM event's id
 * @param authorId who wrote it
 * @param author   the author's handle and name, for {@code includes.users}
 * @param recipientId for a DM, who received it
 * @param inReplyToStatusId for a post, the post it answers
 */
record SandboxActivityEvent(List<Target> targets, boolean directMessage, long id, long authorId, String authorHandle,
        String authorName, Long recipientId, String text, Long inReplyToStatusId, Long inReplyToUserId,
        Instant createdAt) {

    /** One subscription-filter match: the event type and the user it is about. */
    record Target(String eventType, long userId) {
    }

    static SandboxActivityEvent post(SandboxTweet tweet, SandboxUser author, Set<Long> mentionedIds) {
        List<Target> targets = new ArrayList<>();
        for (Long mentioned : mentionedIds) {
            // X's post.mention.create is an explicit @mention: the implied one of a reply is post.reply.create.
            if (!mentioned.equals(tweet.getInReplyToUserId()) && mentioned != author.getId()) {
                targets.add(new Target("post.mention.create", mentioned));
            }
        }
        if (tweet.getInReplyToUserId() != null && tweet.getInReplyToUserId() != author.getId()) {
            targets.add(new Target("post.reply.create", tweet.getInReplyToUserId()));
        }
        return new SandboxActivityEvent(List.copyOf(targets), false, tweet.getId(), author.getId(),
                author.getScreenName(), author.getName(), null, tweet.getText(), tweet.getInReplyToStatusId(),
                tweet.getInReplyToUserId(), tweet.getCreatedAt());
    }

    static SandboxActivityEvent directMessage(SandboxDirectMessage message, SandboxUser sender) {
        return new SandboxActivityEvent(List.of(new Target("dm.received", message.getRecipientId()),
                new Target("dm.sent", message.getSenderId())), true, message.getId(), sender.getId(),
                sender.getScreenName(), sender.getName(), message.getRecipientId(), message.getText(), null, null,
                message.getCreatedAt());
    }
}
