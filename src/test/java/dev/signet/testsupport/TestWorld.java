package dev.signet.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.care.ConversationKind;
import dev.signet.channel.Network;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.AppUserService;
import dev.signet.security.Role;

/**
 * Builders for test data. Every test makes its own: users with fresh names and initials, messages with fresh
 * ids, so tests don't depend on each other or on their order.
 */
@ApplicationScoped
public class TestWorld {

    public static final String PASSWORD = "test-password";
    /** Brand accounts configured for the test profile (application.properties). */
    public static final String AIR = "test-air";
    public static final String MOBILE = "test-mobile";
    public static final String AIR_HANDLE = "SignetTestAir";
    public static final String MOBILE_HANDLE = "SignetTestMobile";
    /** The same brands served through X API v2. */
    public static final String AIR_V2 = "test-air-v2";
    public static final String MOBILE_V2 = "test-mobile-v2";
    public static final String AIR_V2_HANDLE = "SignetTestAirV2";
    public static final String MOBILE_V2_HANDLE = "SignetTestMobileV2";

    private final AppUserService users;
    private final IntakeService intake;
    private final EntityManager em;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger userSequence = new AtomicInteger();

    public TestWorld(AppUserService users, IntakeService intake, EntityManager em) {
        this.users = users;
        this.intake = intake;
        this.em = em;
    }

    /** A user who can log in with {@link #PASSWORD}; agents and leads get unique initials. */
    public Login user(String role) {
        // Initials have their own counter (ids and handles draw from `sequence` by the hundred) and skip those
        // taken already, e.g. by a Quarkus application started earlier in this run on the same database.
        for (int attempt = 0; attempt < 26 * 26; attempt++) {
            int n = userSequence.incrementAndGet();
            String username = role + "-" + n + "-" + System.nanoTime();
            String initials = Role.AGENT.equals(role) || Role.LEAD.equals(role) ? initials(n) : null;
            try {
                users.create(username, PASSWORD, "Test " + role + " " + n, initials, role);
                return new Login(username, PASSWORD, initials);
            } catch (dev.signet.api.ProblemException e) {
                if (!"initials-taken".equals(e.slug())) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("No free test initials left");
    }

    public Login agent() {
        return user(Role.AGENT);
    }

    /** A fresh id in the range of real X ids, unique in this run. */
    public String nextId() {
        return Long.toString(1_900_000_000_000_000_000L + System.nanoTime() % 1_000_000_000_000L * 100 + sequence.incrementAndGet() % 100);
    }

    public Author customer(String name) {
        String id = nextId();
        return new Author(id, name.replace(' ', '_') + id.substring(id.length() - 5), name);
    }

    public InboundMessage mention(String account, Author author, String text, String inReplyTo) {
        return new InboundMessage(account, Network.X, nextId(), MessageKind.MENTION, author, null, text, inReplyTo,
                Instant.now());
    }

    public InboundMessage directMessage(String account, Author author, String brandUserId, String text) {
        return new InboundMessage(account, Network.X, nextId(), MessageKind.DIRECT_MESSAGE, author, brandUserId, text,
                null, Instant.now());
    }

    /**
     * A conversation made the way X makes one: a message taken by intake. Defaults: a public mention of
     * {@link #AIR} by a fresh customer. E.g.
     * {@code world.conversation().account(TestWorld.MOBILE).customer(ana).mention("@SignetTestMobile hi").create()}.
     */
    public ConversationBuilder conversation() {
        return new ConversationBuilder();
    }

    /** The conversation a message taken by intake landed in. */
    public long conversationOf(InboundMessage message) {
        return conversationOfExternalId(message.externalId());
    }

    /** The conversation of the message with this X id (one brand account's copy: ids are unique per test). */
    public long conversationOfExternalId(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", externalId).getSingleResult());
    }

    /** The conversation of the stored message with this database id. */
    public long conversationOfMessage(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.id = :id", Long.class)
                .setParameter("id", messageId).getSingleResult());
    }

    /** The newest conversation of the customer with this X handle, of any kind on any account. */
    public long latestConversationOf(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.handle = :h order by c.id desc", Long.class)
                .setParameter("h", handle).setMaxResults(1).getSingleResult());
    }

    /** The newest conversation of this kind of the customer with this X handle. */
    public long latestConversationOf(String handle, ConversationKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.handle = :h and c.kind = :k order by c.id desc",
                Long.class).setParameter("h", handle).setParameter("k", kind).setMaxResults(1).getSingleResult());
    }

    /** The conversation ids of the customer with this X handle on one brand account, oldest first. */
    public List<Long> conversationsOf(String handle, String account) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.handle = :h and c.account.accountKey = :a"
                        + " order by c.id", Long.class)
                .setParameter("h", handle).setParameter("a", account).getResultList());
    }

    /** The newest conversation of the customer with this X user id. */
    public long latestConversationOf(Author author) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.externalUserId = :u order by c.id desc", Long.class)
                .setParameter("u", author.userId()).setMaxResults(1).getSingleResult());
    }

    /** Builds one inbound message and hands it to intake; see {@link #conversation()}. */
    public final class ConversationBuilder {
        private String account = AIR;
        private Author customer;
        private MessageKind kind = MessageKind.MENTION;
        private String text;
        private String brandUserId;
        private String inReplyTo;

        private ConversationBuilder() {
        }

        /** The brand account's key, {@link #AIR} by default. */
        public ConversationBuilder account(String accountKey) {
            this.account = accountKey;
            return this;
        }

        /** The author; a fresh customer when not given. */
        public ConversationBuilder customer(Author author) {
            this.customer = author;
            return this;
        }

        /** A public mention with this text. */
        public ConversationBuilder mention(String mentionText) {
            this.kind = MessageKind.MENTION;
            this.text = mentionText;
            return this;
        }

        /** A DM with this text, sent to the brand user with this X id. */
        public ConversationBuilder directMessage(String brandUser, String messageText) {
            this.kind = MessageKind.DIRECT_MESSAGE;
            this.brandUserId = brandUser;
            this.text = messageText;
            return this;
        }

        /** The X id of the post this mention replies to. */
        public ConversationBuilder inReplyTo(String postId) {
            this.inReplyTo = postId;
            return this;
        }

        /** The message, not yet taken: for tests that hand it to intake themselves. */
        public InboundMessage message() {
            Author author = customer != null ? customer : TestWorld.this.customer("Test Customer");
            String body = text != null ? text : "hello";
            return kind == MessageKind.DIRECT_MESSAGE
                    ? TestWorld.this.directMessage(account, author, brandUserId, body)
                    : TestWorld.this.mention(account, author, body, inReplyTo);
        }

        /** Hands the message to intake and returns the conversation it landed in. */
        public Created create() {
            InboundMessage message = message();
            intake.receive(message);
            return new Created(conversationOf(message), message);
        }
    }

    /** A conversation made by {@link ConversationBuilder#create()} and the message that made it. */
    public record Created(long id, InboundMessage message) {
    }

    /** The sandbox users behind the test brand accounts, with the tokens application.properties gives them. */
    public void sandboxBrands(SandboxService sandbox) {
        sandbox.ensureUser(AIR_HANDLE, "Signet Test Air", true, "test-air-token", "test-air-secret");
        sandbox.ensureUser(MOBILE_HANDLE, "Signet Test Mobile", true, "test-mobile-token", "test-mobile-secret");
        sandbox.ensureUser(AIR_V2_HANDLE, "Signet Test Air v2", true, "test-air-v2-token", "test-air-v2-secret");
        sandbox.ensureUser(MOBILE_V2_HANDLE, "Signet Test Mobile v2", true, "test-mobile-v2-token",
                "test-mobile-v2-secret");
    }

    /** A new customer on the sandbox X; returns the handle. */
    public String sandboxCustomer(SandboxService sandbox, String name) {
        String handle = "c" + Long.toString(System.nanoTime(), 36) + sequence.incrementAndGet();
        sandbox.createCustomer(handle, name);
        return handle;
    }

    /** Initials of 3 letters from a counter: QAA, QAB, … (Q keeps them apart from real people's). */
    private static String initials(int n) {
        return "Q" + (char) ('A' + (n / 26) % 26) + (char) ('A' + n % 26);
    }

    public record Login(String username, String password, String initials) {
    }
}
