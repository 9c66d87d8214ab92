package dev.signet.intake;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationRepository;
import dev.signet.care.Message;
import dev.signet.care.MessageRepository;
import dev.signet.channel.ChannelAccount;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.customer.IdentityService;
import dev.signet.customer.SocialIdentity;

/**
 * Stores each fetched message once per (network, external id), drops the brand's own messages, finds or
 * records the author's identity (linked to a customer when the CRM names them) and threads the message
 * into its conversation.
 */
@ApplicationScoped
public class IntakeService {

    private final ChannelAccountRepository accounts;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final IdentityService identities;
    private final Clock clock;

    public IntakeService(ChannelAccountRepository accounts, ConversationRepository conversations,
            MessageRepository messages, IdentityService identities, Clock clock) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.messages = messages;
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * Stores one message (or recognises it as stored already or as the brand's own).
     *
     * @throws MessageRejectedException if the message can never be stored (see {@link #check})
     */
    @Transactional
    public IntakeResult receive(InboundMessage inbound) {
        check(inbound);
        ChannelAccount account = accounts.findByKey(inbound.accountKey())
                .orElseThrow(() -> new MessageRejectedException("unknown channel account " + inbound.accountKey()));
        if (inbound.author().userId().equals(account.externalUserId())) {
            return IntakeResult.DROPPED_OWN;
        }
        if (messages.existsByExternalId(inbound.network(), inbound.externalId())) {
            return IntakeResult.DUPLICATE;
        }
        SocialIdentity author = identities.resolve(inbound.network(), inbound.author().userId(),
                inbound.author().handle(), inbound.author().displayName());
        ConversationKind kind = inbound.kind() == MessageKind.MENTION ? ConversationKind.PUBLIC : ConversationKind.DM;
        Optional<ThreadingRule.Parent> parent = Optional.ofNullable(inbound.inReplyToExternalId())
                .flatMap(id -> messages.findByExternalId(inbound.network(), id))
                .map(p -> new ThreadingRule.Parent(p.conversation().id(), p.conversation().account().id(),
                        p.conversation().kind()));
        Optional<Long> open = conversations.findOpen(account.id(), author.id(), kind).map(Conversation::id);
        ThreadingRule.Decision decision = ThreadingRule.decide(new ThreadingRule.Incoming(account.id(), kind, parent), open);

        Conversation conversation;
        if (decision.startsNew()) {
            conversation = new Conversation(account, author, kind, inbound.sentAt(), clock.instant());
            conversations.persist(conversation);
        } else {
            conversation = conversations.findById(decision.conversationId().orElseThrow());
        }
        conversation.customerWrote(inbound.text(), inbound.sentAt());
        messages.persist(Message.fromCustomer(conversation, inbound.network(), inbound.externalId(), author,
                inbound.text(), inbound.inReplyToExternalId(), inbound.sentAt(), clock.instant()));
        return IntakeResult.STORED;
    }

    /**
     * Refuses a message that lacks what intake needs. Messages built by the poller always have it; a record
     * written to the inbound topic by anything else may not, and must not fail deep inside the transaction.
     */
    private static void check(InboundMessage inbound) {
        if (inbound.accountKey() == null || inbound.network() == null || inbound.externalId() == null
                || inbound.kind() == null || inbound.author() == null || inbound.author().userId() == null
                || inbound.text() == null || inbound.sentAt() == null) {
            throw new MessageRejectedException("incomplete inbound message: account, network, id, kind, author id, "
                    + "text and time are required");
        }
    }
}
