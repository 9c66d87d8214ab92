package dev.signet.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationRepository;
import dev.signet.care.Direction;
import dev.signet.care.Message;
import dev.signet.care.MessageRepository;
import dev.signet.channel.ChannelAccount;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.customer.IdentityService;
import dev.signet.customer.SocialIdentity;

/**
 * Stores each fetched message once per (network, external id), drops and counts noise ({@link NoiseFilter},
 * echoes of Signet's own replies), finds or records the author's identity (linked to a customer when the CRM
 * names them) and threads the message into its conversation.
 */
@ApplicationScoped
public class IntakeService {

    private final ChannelAccountRepository accounts;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final IdentityService identities;
    private final IntakeDropRepository drops;
    private final NoiseFilter noise;
    private final Clock clock;

    public IntakeService(ChannelAccountRepository accounts, ConversationRepository conversations,
            MessageRepository messages, IdentityService identities, IntakeDropRepository drops, IntakeConfig config,
            Clock clock) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.messages = messages;
        this.identities = identities;
        this.drops = drops;
        this.noise = new NoiseFilter(config.ignoredHandles().orElse(List.of()), config.ignoredKeywords().orElse(List.of()));
        this.clock = clock;
    }

    @Transactional
    public IntakeResult receive(InboundMessage inbound) {
        ChannelAccount account = accounts.findByKey(inbound.accountKey())
                .orElseThrow(() -> new IllegalStateException("Unknown channel account " + inbound.accountKey()));
        Optional<IntakeResult> dropped = noise.classify(inbound, account.externalUserId());
        if (dropped.isPresent()) {
            return drop(inbound, dropped.get());
        }
        Optional<Message> known = messages.findByExternalId(inbound.network(), inbound.externalId());
        if (known.isPresent()) {
            return known.get().direction() == Direction.OUT ? drop(inbound, IntakeResult.DROPPED_ECHO) : IntakeResult.DUPLICATE;
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

    private IntakeResult drop(InboundMessage inbound, IntakeResult reason) {
        drops.count(inbound.accountKey(), reason, inbound.externalId(), clock.instant());
        return reason;
    }
}
