package dev.signet.intake;

import java.util.Optional;

import dev.signet.care.ConversationKind;

/**
 * Which conversation a customer's new message joins: one conversation holds one customer's matter with one brand
 * account, and never another customer's (docs/design.md, "Threading"; docs/features/threading.md).
 * <ul>
 * <li>a public reply to a post of the same brand account's conversation with <em>the same customer</em> (their own
 * post, or the brand's answer to them) joins that conversation;</li>
 * <li>a public reply to a post of <em>another customer's</em> conversation is the replier's own matter: it joins
 * the replier's open public conversation on that account, or starts one, and that conversation is marked related to
 * the other customer's (shown on the conversation page), never merged into it;</li>
 * <li>any other public message joins the author's open public conversation on that account;</li>
 * <li>a DM joins the open DM conversation with that user;</li>
 * <li>otherwise a new conversation starts. Public and private stay distinct; accounts never mix (a post that
 * concerns several brand accounts is threaded once per account, each copy in that account's conversations).</li>
 * </ul>
 * Why the customer check: without it "a reply joins the post it answers" and "a post joins its author's open
 * conversation" chain transitively, and one busy thread ends up holding the matters of many customers.
 */
public final class ThreadingRule {

    private ThreadingRule() {
    }

    /**
     * The message being threaded: where it was fetched, by whom (social identity id) and what it answers.
     */
    public record Incoming(long accountId, ConversationKind kind, long authorId, Optional<Parent> parent) {
    }

    /**
     * The stored message a reply answers, as this account holds it: its conversation, and that conversation's
     * customer (social identity id).
     */
    public record Parent(long conversationId, long accountId, ConversationKind kind, long customerId) {
    }

    /**
     * The decision: join {@code conversationId}, or start a new conversation when it is empty; {@code related} is
     * another customer's conversation the message answers, to be linked from the chosen one.
     */
    public record Decision(Optional<Long> conversationId, Optional<Long> related, String reason) {

        static Decision join(long conversationId, String reason) {
            return new Decision(Optional.of(conversationId), Optional.empty(), reason);
        }

        static Decision startNew(String reason) {
            return new Decision(Optional.empty(), Optional.empty(), reason);
        }

        Decision relatedTo(long otherConversationId) {
            return new Decision(conversationId, Optional.of(otherConversationId), reason + ", related to the post answered");
        }

        public boolean startsNew() {
            return conversationId.isEmpty();
        }
    }

    public static Decision decide(Incoming message, Optional<Long> authorsOpenConversation) {
        Optional<Parent> parent = message.parent()
                .filter(p -> message.kind() == ConversationKind.PUBLIC && p.kind() == ConversationKind.PUBLIC
                        && p.accountId() == message.accountId());
        if (parent.isPresent() && parent.get().customerId() == message.authorId()) {
            return Decision.join(parent.get().conversationId(), "reply to a post of this customer's conversation");
        }
        Decision own = authorsOpenConversation
                .map(id -> Decision.join(id, "the author's open " + message.kind().name().toLowerCase() + " conversation"))
                .orElseGet(() -> Decision.startNew("no open conversation with this author"));
        return parent.map(p -> own.relatedTo(p.conversationId())).orElse(own);
    }
}
