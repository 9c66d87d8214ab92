package dev.signet.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationStatus;
import dev.signet.care.Direction;
import dev.signet.care.Message;
import dev.signet.channel.Network;
import dev.signet.customer.SocialIdentity;

/**
 * The working set of one intake transaction: what a batch of messages needs from the database, loaded with a
 * fixed number of queries whatever the batch size, then kept current as the batch adds identities,
 * conversations and messages (so a reply later in the same batch finds the post it answers).
 * <p>
 * Conversations the batch starts are kept here unsaved, under a provisional negative key, with the messages threaded
 * into conversations, until every message of the batch has been threaded ({@link #started}, {@link #threaded}):
 * saved then, a new conversation is inserted once with its final state instead of being inserted and then updated
 * by each later message of the same batch. (Its messages wait too: Hibernate refuses to persist an entity that
 * refers to an unsaved one.)
 */
final class IntakeBatch {

    /** Brand accounts that hold a customer's message, by its external id (one copy per account). */
    private final Map<String, Set<Long>> storedIn = new HashMap<>();
    /** External ids of the brand's posts Signet published (echoes when fetched again, by any account). */
    private final Set<String> sentByUs = new HashSet<>();
    private final Map<String, SocialIdentity> identities = new HashMap<>();
    private final Map<MessageKey, Conversation> conversationOfMessage = new HashMap<>();
    private final Set<String> ourPosts = new HashSet<>();
    private final Map<OpenKey, Conversation> openConversations = new HashMap<>();
    private final Map<Long, Conversation> conversations = new HashMap<>();
    private final Map<Conversation, Long> provisionalKeys = new IdentityHashMap<>();
    private final List<Conversation> started = new ArrayList<>();
    private final List<Message> threaded = new ArrayList<>();

    private IntakeBatch() {
    }

    /**
     * Loads what these messages refer to: 4 queries. Conversations come with their account and identity, so
     * threading reads no lazy association (no query per message).
     */
    static IntakeBatch load(EntityManager em, Network network, Collection<String> messageIds,
            Collection<String> userIds, Collection<String> parentIds, Instant reopenSince) {
        IntakeBatch batch = new IntakeBatch();
        if (!messageIds.isEmpty()) {
            // In SQL with one array parameter: an IN list of up to 200 ids costs more to bind and plan than the
            // lookup itself (most of a fetch's ids are new, so this usually finds nothing).
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select external_id, direction, account_id from message where network = :n and external_id = any(:ids)")
                    .setParameter("n", network.name()).setParameter("ids", messageIds.toArray(String[]::new))
                    .getResultList();
            rows.forEach(row -> batch.remember((String) row[0], Direction.valueOf((String) row[1]),
                    ((Number) row[2]).longValue()));
        }
        if (!userIds.isEmpty()) {
            // With the customer: the priority reads their loyalty tier.
            em.createQuery("""
                    select i from SocialIdentity i left join fetch i.customer
                    where i.network = :n and i.externalUserId in :ids""", SocialIdentity.class)
                    .setParameter("n", network).setParameter("ids", userIds).getResultList()
                    .forEach(identity -> batch.identities.put(identity.externalUserId(), identity));
        }
        if (!parentIds.isEmpty()) {
            em.createQuery("""
                    select m from Message m join fetch m.conversation c join fetch c.account
                    join fetch c.identity ci left join fetch ci.customer
                    where m.network = :n and m.externalId in :ids""", Message.class)
                    .setParameter("n", network).setParameter("ids", parentIds).getResultList()
                    .forEach(parent -> {
                        batch.rememberMessage(parent.externalId(), parent.direction(), parent.conversation());
                        if (parent.direction() == Direction.OUT) {
                            batch.ourPosts.add(parent.externalId());
                        }
                    });
        }
        List<Long> identityIds = batch.identities.values().stream().map(SocialIdentity::id).toList();
        if (!identityIds.isEmpty()) {
            em.createQuery("""
                    select c from Conversation c join fetch c.account join fetch c.identity i left join fetch i.customer
                    where i.id in :ids and (c.status <> :resolved or c.resolvedAt > :reopenSince)
                    order by c.lastMessageAt, c.id""",
                    Conversation.class)
                    .setParameter("ids", identityIds).setParameter("resolved", ConversationStatus.RESOLVED)
                    .setParameter("reopenSince", reopenSince)
                    .getResultList()
                    .forEach(batch::rememberOpen);
        }
        return batch;
    }

    /**
     * Whether this message is stored already for this account (IN: a repeat), or is a post Signet published (OUT:
     * an echo, whichever account fetched it). A customer's post stored for another account only is not known here:
     * it concerns this account too and gets its own copy.
     */
    Optional<Direction> known(String externalId, long accountId) {
        if (sentByUs.contains(externalId)) {
            return Optional.of(Direction.OUT);
        }
        return storedIn.getOrDefault(externalId, Set.of()).contains(accountId) ? Optional.of(Direction.IN) : Optional.empty();
    }

    /** Whether the message is one the brand sent (loaded as the parent of a message of this batch). */
    boolean isOurPost(String externalId) {
        return ourPosts.contains(externalId);
    }

    Optional<SocialIdentity> identity(String userId) {
        return Optional.ofNullable(identities.get(userId));
    }

    void rememberIdentity(SocialIdentity identity) {
        identities.put(identity.externalUserId(), identity);
    }

    /** The conversation of this account that holds the message, if any. */
    Optional<Conversation> conversationOf(String externalMessageId, long accountId) {
        return Optional.ofNullable(conversationOfMessage.get(new MessageKey(externalMessageId, accountId)));
    }

    Optional<Conversation> open(long accountId, long identityId, ConversationKind kind) {
        return Optional.ofNullable(openConversations.get(new OpenKey(accountId, identityId, kind)));
    }

    /** A conversation by {@link #keyOf key}. */
    Conversation conversation(long key) {
        return conversations.get(key);
    }

    /** Its id, or for a conversation started by this batch and not saved yet, its provisional (negative) key. */
    long keyOf(Conversation conversation) {
        Long provisional = provisionalKeys.get(conversation);
        if (provisional != null) {
            return provisional;
        }
        return conversation.id();
    }

    /** A conversation this batch starts; it is saved after the batch is threaded (see {@link #started}). */
    void rememberStarted(Conversation conversation) {
        started.add(conversation);
        provisionalKeys.put(conversation, (long) -started.size());
    }

    /** The conversations this batch started, in the order it started them. */
    List<Conversation> started() {
        return List.copyOf(started);
    }

    /** A customer's message of this batch, threaded into its conversation; saved after the batch's new conversations. */
    void rememberThreaded(Message message) {
        threaded.add(message);
    }

    /** The messages threaded by this batch, in the order they arrived. */
    List<Message> threaded() {
        return List.copyOf(threaded);
    }

    /**
     * The conversation is open (or resolved within the reopen window, so a new contact reopens it) and the most
     * recent of its customer, kind and account.
     */
    void rememberOpen(Conversation conversation) {
        conversations.put(keyOf(conversation), conversation);
        openConversations.put(new OpenKey(conversation.account().id(), conversation.identity().id(), conversation.kind()),
                conversation);
    }

    /** A customer's message stored by this batch. */
    void rememberMessage(String externalId, Conversation conversation) {
        rememberMessage(externalId, Direction.IN, conversation);
    }

    private void rememberMessage(String externalId, Direction direction, Conversation conversation) {
        long accountId = conversation.account().id();
        remember(externalId, direction, accountId);
        conversations.put(keyOf(conversation), conversation);
        conversationOfMessage.put(new MessageKey(externalId, accountId), conversation);
    }

    private void remember(String externalId, Direction direction, long accountId) {
        if (direction == Direction.OUT) {
            sentByUs.add(externalId);
        } else {
            storedIn.computeIfAbsent(externalId, id -> new HashSet<>()).add(accountId);
        }
    }

    private record OpenKey(long accountId, long identityId, ConversationKind kind) {
    }

    private record MessageKey(String externalId, long accountId) {
    }
}
