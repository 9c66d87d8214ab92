package dev.signet.intake;

import java.util.Optional;

import dev.signet.care.ConversationKind;

/**
 * Which conversation a customer's new message joins (docs/design.md, "Threading"):
 * <ul>
 * <li>a public reply joins the conversation of the post it answers, when that post is a public message of the
 * same brand account;</li>
 * <li>any other public message joins the author's open public conversation on that account;</li>
 * <li>a DM joins the open DM conversation with that user;</li>
 * <li>otherwise a new conversation starts. Public and private stay distinct.</li>
 * </ul>
 */
public final class ThreadingRule {

    private ThreadingRule() {
    }

    /** The message being threaded: where it was fetched and what it answers. */
    public record Incoming(long accountId, ConversationKind kind, Optional<Parent> parent) {
    }

    /** The stored message a reply answers. */
    public record Parent(long conversationId, long accountId, ConversationKind kind) {
    }

    /** The decision: join {@code conversationId}, or start a new conversation when it is empty. */
    public record Decision(Optional<Long> conversationId, String reason) {

        static Decision join(long conversationId, String reason) {
            return new Decision(Optional.of(conversationId), reason);
        }

        static Decision startNew(String reason) {
            return new Decision(Optional.empty(), reason);
        }

        public boolean startsNew() {
            return conversationId.isEmpty();
        }
    }

    public static Decision decide(Incoming message, Optional<Long> authorsOpenConversation) {
        if (message.kind() == ConversationKind.PUBLIC) {
            Optional<Parent> parent = message.parent()
                    .filter(p -> p.kind() == ConversationKind.PUBLIC && p.accountId() == message.accountId());
            if (parent.isPresent()) {
                return Decision.join(parent.get().conversationId(), "reply to a post of this conversation");
            }
        }
        return authorsOpenConversation
                .map(id -> Decision.join(id, "the author's open " + message.kind().name().toLowerCase() + " conversation"))
                .orElseGet(() -> Decision.startNew("no open conversation with this author"));
    }
}
