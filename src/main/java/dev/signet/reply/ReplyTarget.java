package dev.signet.reply;

import java.time.Instant;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.Message;

/**
 * Whom a reply goes to and which post it answers, as the compose box names them.
 *
 * @param messageId  the answered customer post
 * @param externalId its id on the network
 * @param handle     who the reply goes to: the post's author (public), the DM partner (DM)
 * @param text       the answered post's text
 * @param sentAt     when it was posted
 * @param customers  true when the post is by the conversation's customer, false for someone else in the thread
 */
public record ReplyTarget(long messageId, String externalId, String handle, String text, Instant sentAt,
        boolean customers) {

    static ReplyTarget of(Conversation conversation, Message answered) {
        boolean byCustomer = answered.authorIdentity() != null
                && answered.authorIdentity().id().equals(conversation.identity().id());
        String handle = conversation.kind() == ConversationKind.DM || answered.authorIdentity() == null
                ? conversation.identity().handle() : answered.authorIdentity().handle();
        return new ReplyTarget(answered.id(), answered.externalId(), handle, answered.text(), answered.sentAt(),
                byCustomer);
    }
}
