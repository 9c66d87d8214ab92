package dev.signet.customer;

import java.util.Optional;

/**
 * Whose conversations and messages are whose: the X identity a conversation (or a message's conversation) is
 * with. Implemented by care, which owns conversations and messages, so the customer feature never reads care's
 * tables.
 */
public interface ConversationAuthors {

    /** The identity the conversation is with; empty when there is no such conversation. */
    Optional<Long> identityOfConversation(long conversationId);

    /** The identity the message's conversation is with; empty when there is no such message. */
    Optional<Long> identityOfMessage(long messageId);
}
