package dev.signet.care;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import dev.signet.channel.Network;
import dev.signet.customer.SocialIdentity;
import dev.signet.security.AppUser;

/**
 * One message of a conversation. Incoming ones carry the network's id (unique per network and brand account: the
 * idempotency key of intake); outgoing ones name the agent who wrote them and get the network's id once published.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    // A block of 500 ids per sequence round trip (V52): intake stores up to 200 messages per transaction.
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 500)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Network network;

    @Column(name = "external_id")
    private String externalId;

    /**
     * The brand account of the conversation (V105): with the network and external id, the idempotency key of
     * intake, so a post that mentions several of the team's accounts is stored once per account.
     */
    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_identity_id")
    private SocialIdentity authorIdentity;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_user_id")
    private AppUser authorUser;

    @Column(nullable = false)
    private String text;

    @Column(name = "in_reply_to_external_id")
    private String inReplyToExternalId;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    protected Message() {
    }

    public static Message fromCustomer(Conversation conversation, Network network, String externalId,
            SocialIdentity author, String text, String inReplyToExternalId, Instant sentAt, Instant now) {
        Message message = new Message();
        message.conversation = conversation;
        message.accountId = conversation.account().id();
        message.network = network;
        message.externalId = externalId;
        message.direction = Direction.IN;
        message.authorIdentity = author;
        message.text = text;
        message.inReplyToExternalId = inReplyToExternalId;
        message.sentAt = sentAt;
        message.storedAt = now;
        return message;
    }

    public static Message fromAgent(Conversation conversation, AppUser agent, String signedText,
            String inReplyToExternalId, Instant now) {
        Message message = new Message();
        message.conversation = conversation;
        message.accountId = conversation.account().id();
        message.network = conversation.account().network();
        message.direction = Direction.OUT;
        message.authorUser = agent;
        message.text = signedText;
        message.inReplyToExternalId = inReplyToExternalId;
        message.sentAt = now;
        message.storedAt = now;
        return message;
    }

    /** The network accepted the message under this id. */
    public void published(String externalId, Instant sentAt) {
        this.externalId = externalId;
        this.sentAt = sentAt;
    }

    public Long id() {
        return id;
    }

    public Conversation conversation() {
        return conversation;
    }

    public Network network() {
        return network;
    }

    /** The brand account whose conversation holds it. */
    public Long accountId() {
        return accountId;
    }

    public String externalId() {
        return externalId;
    }

    public Direction direction() {
        return direction;
    }

    public SocialIdentity authorIdentity() {
        return authorIdentity;
    }

    public AppUser authorUser() {
        return authorUser;
    }

    public String text() {
        return text;
    }

    public String inReplyToExternalId() {
        return inReplyToExternalId;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
