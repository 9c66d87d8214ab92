package dev.signet.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationRepository;
import dev.signet.care.CustomerMessages;
import dev.signet.care.Direction;
import dev.signet.care.Message;
import dev.signet.care.MessageRepository;
import dev.signet.channel.ChannelAccount;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.channel.HourlyVolumeRepository;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantineSink;
import dev.signet.channel.QuarantinedItem;
import dev.signet.customer.HandleHistoryRepository;
import dev.signet.customer.IdentityLinkService;
import dev.signet.customer.SocialIdentity;
import dev.signet.customer.SocialIdentityRepository;

/**
 * Stores each fetched message once per (network, external id, brand account) — a post that mentions several of the
 * team's accounts gets one copy in each account's conversation —, drops and counts noise ({@link NoiseFilter},
 * echoes of Signet's own replies), finds or records the author's identity (linked to a customer when the CRM
 * names them) and threads the message into its conversation. What each message means to care (contacts,
 * reopening, survey answers, continuity, escalation, priority, the queue event) is care's: intake tells
 * {@link CustomerMessages} where each message went, and calls it once when the batch is stored.
 */
@ApplicationScoped
public class IntakeService {

    /** Messages looked up together; keeps IN lists of a sensible length. */
    static final int CHUNK = 500;

    private final ChannelAccountRepository accounts;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final SocialIdentityRepository identityRepository;
    private final IntakeDropRepository drops;
    private final HourlyVolumeRepository volumes;
    private final EntityManager em;
    private final NoiseFilter noise;
    private final CustomerMessages care;
    private final Clock clock;
    private final HandleHistoryRepository handleHistory;
    private final IdentityLinkService identityLinks;
    private final QuarantineSink quarantine;
    private final ObjectMapper mapper;

    public IntakeService(ChannelAccountRepository accounts, ConversationRepository conversations,
            MessageRepository messages, SocialIdentityRepository identityRepository, IntakeDropRepository drops,
            HourlyVolumeRepository volumes, EntityManager em, IntakeConfig config, CustomerMessages care, Clock clock,
            HandleHistoryRepository handleHistory, IdentityLinkService identityLinks, QuarantineSink quarantine,
            ObjectMapper mapper) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.messages = messages;
        this.identityRepository = identityRepository;
        this.drops = drops;
        this.volumes = volumes;
        this.em = em;
        this.noise = new NoiseFilter(config.ignoredHandles().orElse(List.of()), config.ignoredKeywords().orElse(List.of()));
        this.care = care;
        this.clock = clock;
        this.handleHistory = handleHistory;
        this.identityLinks = identityLinks;
        this.quarantine = quarantine;
        this.mapper = mapper;
    }

    /**
     * Stores one message (or recognises it as stored already, or as noise); see {@link #receiveAll}.
     *
     * @throws MessageRejectedException if the message can never be stored (see {@link #check})
     */
    @Transactional
    public IntakeResult receive(InboundMessage inbound) {
        Map<String, ChannelAccount> accountsByKey = new HashMap<>();
        check(inbound, accountsByKey);
        return receiveChunk(List.of(inbound), accountsByKey).get(0);
    }

    /**
     * Stores a batch of messages, in order, in one transaction with a fixed number of lookups (batching is what
     * lets intake keep up with a burst: one commit instead of one per message). Returns what happened to each. A
     * message intake refuses ({@link #check}) is quarantined alone ({@link IntakeResult#QUARANTINED}), in the same
     * transaction, and the rest of the batch is stored: one bad item never fails the batch.
     */
    @Transactional
    public List<IntakeResult> receiveAll(List<InboundMessage> batch) {
        Map<String, ChannelAccount> accountsByKey = new HashMap<>();
        List<InboundMessage> accepted = new ArrayList<>(batch.size());
        List<QuarantinedItem> refused = new ArrayList<>();
        for (InboundMessage inbound : batch) {
            try {
                check(inbound, accountsByKey);
                accepted.add(inbound);
            } catch (MessageRejectedException e) {
                refused.add(quarantined(inbound, e));
            }
        }
        List<IntakeResult> stored = new ArrayList<>(accepted.size());
        for (int from = 0; from < accepted.size(); from += CHUNK) {
            stored.addAll(receiveChunk(accepted.subList(from, Math.min(accepted.size(), from + CHUNK)), accountsByKey));
        }
        if (!refused.isEmpty()) {
            quarantine.hold(refused);
        }
        List<IntakeResult> results = new ArrayList<>(batch.size());
        int next = 0;
        for (InboundMessage inbound : batch) {
            boolean taken = next < accepted.size() && accepted.get(next) == inbound;
            results.add(taken ? stored.get(next++) : IntakeResult.QUARANTINED);
        }
        return results;
    }

    /** A refused message as a quarantine row: its JSON is what a replay reads back. */
    QuarantinedItem quarantined(InboundMessage inbound, MessageRejectedException refusal) {
        String raw;
        try {
            raw = mapper.writeValueAsString(inbound);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inbound message could not be written as JSON", e);
        }
        return new QuarantinedItem(inbound.accountKey() == null ? "unknown" : inbound.accountKey(),
                QuarantinedItem.INTAKE, inbound.kind(), inbound.externalId(), QuarantineReason.REFUSED_BY_INTAKE,
                refusal.getMessage(), raw);
    }

    private List<IntakeResult> receiveChunk(List<InboundMessage> chunk, Map<String, ChannelAccount> accountsByKey) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Network network = Network.X;
        IntakeBatch known = IntakeBatch.load(em, network,
                chunk.stream().map(InboundMessage::externalId).collect(Collectors.toSet()),
                chunk.stream().map(m -> m.author().userId()).collect(Collectors.toSet()),
                chunk.stream().map(InboundMessage::inReplyToExternalId).filter(Objects::nonNull).collect(Collectors.toSet()),
                now.minus(care.reopenWindow()));
        CustomerMessages.Arrivals arrivals = openArrivals(chunk, known, now);
        DropTally tally = new DropTally();
        List<SocialIdentity> newIdentities = new ArrayList<>();
        List<IntakeResult> results = new ArrayList<>(chunk.size());
        for (InboundMessage inbound : chunk) {
            ChannelAccount account = accountsByKey.get(inbound.accountKey());
            Optional<IntakeResult> dropped = noise.classify(inbound, account.externalUserId())
                    .or(() -> known.known(inbound.externalId(), account.id())
                            .map(direction -> direction == Direction.OUT ? IntakeResult.DROPPED_ECHO : IntakeResult.DUPLICATE));
            if (dropped.isPresent()) {
                results.add(dropped.get());
                if (dropped.get().dropped()) {
                    tally.count(inbound.accountKey(), dropped.get(), inbound.externalId());
                }
                continue;
            }
            results.add(store(inbound, account, known, arrivals, now, newIdentities));
        }
        // Saved once threaded: new conversations are inserted with their final state (no UPDATE per later message
        // of the same batch), then the batch's messages, in the order they arrived.
        known.started().forEach(conversations::persist);
        known.threaded().forEach(messages::persist);
        // Identities seen for the first time are linked when the CRM names them (2 queries per chunk); before care's
        // work, which reads the linked customer (continuity follows them across accounts, priority reads their tier).
        identityLinks.linkNewIdentities(newIdentities, now);
        arrivals.arrived();
        tally.forEach((accountKey, reason, count, lastId) -> drops.count(accountKey, reason, count, lastId, now));
        recordVolume(chunk, results);
        return results;
    }

    /**
     * Counts the stored messages per account and hour, and when each account last heard from a customer: one targeted
     * update per account, never the account row as read (the poller moves its cursors and lease meanwhile).
     */
    private void recordVolume(List<InboundMessage> chunk, List<IntakeResult> results) {
        Map<String, Map<Instant, Long>> perAccount = new HashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (results.get(i) == IntakeResult.STORED) {
                InboundMessage stored = chunk.get(i);
                perAccount.computeIfAbsent(stored.accountKey(), key -> new HashMap<>())
                        .merge(stored.sentAt().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
                latest.merge(stored.accountKey(), stored.sentAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        perAccount.forEach(volumes::add);
        latest.forEach(accounts::customerMessageArrived);
    }

    /**
     * Opens care's side of the chunk with the authors and posts of ours whose surveys its DMs and replies may answer.
     * Authors seen for the first time can't have been asked, and a public answer replies to the question, a post of
     * ours: replies to customers' posts can't answer one.
     */
    private CustomerMessages.Arrivals openArrivals(List<InboundMessage> chunk, IntakeBatch known, Instant now) {
        List<Long> identityIds = new ArrayList<>();
        List<String> parentIds = new ArrayList<>();
        for (InboundMessage inbound : chunk) {
            if (inbound.inReplyToExternalId() != null && known.isOurPost(inbound.inReplyToExternalId())) {
                parentIds.add(inbound.inReplyToExternalId());
            }
            if (inbound.kind() == MessageKind.DIRECT_MESSAGE || inbound.inReplyToExternalId() != null) {
                known.identity(inbound.author().userId()).ifPresent(identity -> identityIds.add(identity.id()));
            }
        }
        return care.open(identityIds, parentIds, now);
    }

    private IntakeResult store(InboundMessage inbound, ChannelAccount account, IntakeBatch known,
            CustomerMessages.Arrivals arrivals, Instant now, List<SocialIdentity> newIdentities) {
        SocialIdentity author = known.identity(inbound.author().userId()).orElse(null);
        if (author == null) {
            author = new SocialIdentity(inbound.network(), inbound.author().userId(),
                    inbound.author().handle() == null ? inbound.author().userId() : inbound.author().handle(),
                    inbound.author().displayName(), now);
            identityRepository.persist(author);
            known.rememberIdentity(author);
            newIdentities.add(author);
        } else {
            // Customer hook: a renamed handle is kept in the identity's history (the link stays: keyed on the id).
            author.refreshProfile(inbound.author().handle(), inbound.author().displayName(), now)
                    .ifPresent(handleHistory::persist);
        }
        ConversationKind kind = inbound.kind() == MessageKind.MENTION ? ConversationKind.PUBLIC : ConversationKind.DM;
        Optional<CustomerMessages.SurveyAnswer> answer = arrivals.surveyAnswer(account.id(), author.id(), kind,
                inbound.inReplyToExternalId(), inbound.sentAt(), inbound.text());
        if (answer.isPresent()) {
            return storeSurveyAnswer(inbound, author, arrivals, answer.get(), known, now);
        }
        Optional<ThreadingRule.Parent> parent = Optional.ofNullable(inbound.inReplyToExternalId())
                .flatMap(parentId -> known.conversationOf(parentId, account.id()))
                .map(c -> new ThreadingRule.Parent(known.keyOf(c), c.account().id(), c.kind(), c.identity().id()));
        Optional<Long> open = known.open(account.id(), author.id(), kind).map(known::keyOf);
        ThreadingRule.Decision decision = ThreadingRule.decide(
                new ThreadingRule.Incoming(account.id(), kind, author.id(), parent), open);

        Conversation conversation;
        if (decision.startsNew()) {
            conversation = arrivals.started(account, author, kind, inbound.text(), inbound.sentAt());
            // Persisted after the whole batch is threaded (Hibernate inserts the state an entity had when persisted,
            // and each later message of this batch would cost an UPDATE of the new row); its messages wait for it.
            known.rememberStarted(conversation);
        } else {
            conversation = known.conversation(decision.conversationId().orElseThrow());
            arrivals.wrote(conversation, inbound.text(), inbound.sentAt());
        }
        decision.related().map(known::conversation).ifPresent(conversation::relateTo);
        known.rememberThreaded(Message.fromCustomer(conversation, inbound.network(), inbound.externalId(), author,
                inbound.text(), inbound.inReplyToExternalId(), inbound.sentAt(), now));
        known.rememberMessage(inbound.externalId(), conversation);
        if (conversation.identity().id().equals(author.id())) {
            known.rememberOpen(conversation);
        }
        return IntakeResult.STORED;
    }

    /**
     * The customer answered a satisfaction question: the message is stored in the surveyed conversation like any
     * other, and care records the answer (and reopens the conversation if the answer may need us).
     */
    private IntakeResult storeSurveyAnswer(InboundMessage inbound, SocialIdentity author,
            CustomerMessages.Arrivals arrivals, CustomerMessages.SurveyAnswer answer, IntakeBatch known, Instant now) {
        Conversation conversation = answer.conversation();
        Message message = Message.fromCustomer(conversation, inbound.network(), inbound.externalId(), author,
                inbound.text(), inbound.inReplyToExternalId(), inbound.sentAt(), now);
        if (arrivals.answered(answer, message, inbound.sentAt())) {
            known.rememberOpen(conversation);
        }
        known.rememberThreaded(message);
        known.rememberMessage(inbound.externalId(), conversation);
        return IntakeResult.STORED;
    }

    /**
     * Refuses a message that lacks what intake needs, or names an account Signet doesn't know (looked up once per
     * account into {@code accountsByKey}). Messages built by the poller always have what is needed; a record
     * written to the inbound topic by anything else may not, and must not fail deep inside the transaction.
     */
    private void check(InboundMessage inbound, Map<String, ChannelAccount> accountsByKey) {
        if (inbound.accountKey() == null || inbound.network() == null || inbound.externalId() == null
                || inbound.kind() == null || inbound.author() == null || inbound.author().userId() == null
                || inbound.text() == null || inbound.sentAt() == null) {
            throw new MessageRejectedException("incomplete inbound message: account, network, id, kind, author id, "
                    + "text and time are required");
        }
        if (inbound.network() != Network.X) {
            throw new MessageRejectedException("intake only knows " + Network.X + ", not " + inbound.network());
        }
        if (!accountsByKey.containsKey(inbound.accountKey())) {
            ChannelAccount account = accounts.findByKey(inbound.accountKey())
                    .orElseThrow(() -> new MessageRejectedException("unknown channel account " + inbound.accountKey()));
            accountsByKey.put(inbound.accountKey(), account);
        }
    }
}
