package dev.signet.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The sandbox's Java API, used by tests, the console, the JSON API and the load generator: create users, post
 * tweets and DMs as any of them, see what a customer sees. It applies X's rules (length, duplicates, threading),
 * so what works here works against X. Returns views, never entities.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxService {

    /** X's handle alphabet. X caps new handles at 15; 20 (what twitter-text recognises) leaves room for test accounts. */
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,20}");
    private static final int NAME_MAX = 50;
    private static final int DUPLICATE_WINDOW = 20;
    private static final int DIRECT_MESSAGE_MAX = 10_000;
    private static final int VIEW_LIMIT = 200;

    private final SandboxUserRepository users;
    private final SandboxTweetRepository tweets;
    private final SandboxMentionRepository mentions;
    private final SandboxDirectMessageRepository directMessages;
    private final SnowflakeIds ids;
    private final XText xText;
    private final Event<SandboxActivityEvent> activity;

    public SandboxService(SandboxUserRepository users, SandboxTweetRepository tweets, SandboxMentionRepository mentions,
            SandboxDirectMessageRepository directMessages, SnowflakeIds ids, XText xText,
            Event<SandboxActivityEvent> activity) {
        this.users = users;
        this.tweets = tweets;
        this.mentions = mentions;
        this.directMessages = directMessages;
        this.ids = ids;
        this.xText = xText;
        this.activity = activity;
    }

    // --- users -------------------------------------------------------------------------------------------------

    /**
     * The user with this handle, created if missing. A brand needs an access token: it identifies the brand when it
     * calls the API. Calling again updates the name and, for a brand, the credentials; a brand is never demoted.
     */
    @Transactional
    public SandboxUserView ensureUser(String handle, String name, boolean brand, String accessToken,
            String accessTokenSecret) {
        return ensureUser(null, handle, name, brand, accessToken, accessTokenSecret).toView();
    }

    /** A customer (not a brand) with this handle, created if missing. */
    @Transactional
    public SandboxUserView createCustomer(String handle, String name) {
        return ensureUser(null, handle, name, false, null, null).toView();
    }

    @Transactional
    public List<SandboxUserView> users() {
        return users.allByHandle().stream().map(SandboxUser::toView).toList();
    }

    @Transactional
    public Optional<SandboxUserView> user(String handle) {
        return validHandle(handle) ? users.findByHandle(handle).map(SandboxUser::toView) : Optional.empty();
    }

    @Transactional
    public boolean hasUsers() {
        return users.count() > 0;
    }

    /** Creates or updates a user; {@code userId} null means a new snowflake id. */
    SandboxUser ensureUser(Long userId, String handle, String name, boolean brand, String accessToken,
            String accessTokenSecret) {
        requireHandle(handle);
        String displayName = name == null || name.isBlank() ? handle : name.strip();
        if (displayName.length() > NAME_MAX) {
            throw XApiException.invalidParameter("Name can't be longer than " + NAME_MAX + " characters.");
        }
        if (brand && (accessToken == null || accessToken.isBlank())) {
            throw XApiException.invalidParameter("A brand needs an access token.");
        }
        Optional<SandboxUser> existing = users.findByHandle(handle);
        if (existing.isPresent()) {
            SandboxUser user = existing.get();
            user.rename(displayName);
            if (brand) {
                user.makeBrand(accessToken, accessTokenSecret);
            }
            return user;
        }
        long id = userId != null ? userId : ids.nextId();
        Instant now = Instant.now();
        SandboxUser user = brand
                ? SandboxUser.brand(id, handle, displayName, accessToken, accessTokenSecret, now)
                : SandboxUser.customer(id, handle, displayName, now);
        users.persist(user);
        return user;
    }

    // --- tweets ------------------------------------------------------------------------------------------------

    /**
     * Posts a public tweet as this user, as X's own app would: a reply is always threaded (the app fills in the
     * reply metadata), so the replied-to author counts as mentioned.
     *
     * @param inReplyToStatusId the tweet answered, or null for a new tweet
     */
    @Transactional
    public SandboxTweetView postTweet(String authorHandle, String text, Long inReplyToStatusId) {
        SandboxUser author = existingUser(authorHandle);
        return toViews(List.of(publish(author, text, inReplyToStatusId, true, null))).get(0);
    }

    /**
     * Posts a public mention of a brand as a customer: "@Brand " goes in front of the text unless it already
     * names the brand, as a person writing to the brand would do.
     */
    @Transactional
    public SandboxTweetView postMention(String customerHandle, String brandHandle, String text, Long inReplyToStatusId) {
        SandboxUser brand = existingUser(brandHandle);
        String body = text == null ? "" : text.strip();
        if (!body.isEmpty() && !xText.mentionsHandle(body, brand.getScreenName())) {
            body = "@" + brand.getScreenName() + " " + body;
        }
        return postTweet(customerHandle, body, inReplyToStatusId);
    }

    /** The latest tweets of one user (what a brand published, for instance), newest first. */
    @Transactional
    public List<SandboxTweetView> tweetsBy(String handle) {
        SandboxUser author = existingUser(handle);
        return toViews(tweets.latestBy(author.getId(), VIEW_LIMIT));
    }

    /**
     * Posts a mention dated in the past (its id is of that moment too, as X's would be): history written before
     * Signet was connected, for tests of the initial backfill window.
     */
    @Transactional
    public SandboxTweetView postMentionAt(String customerHandle, String brandHandle, String text, Instant at) {
        SandboxUser brand = existingUser(brandHandle);
        String body = "@" + brand.getScreenName() + " " + text.strip();
        return toViews(List.of(postTweetAt(customerHandle, body, null, at))).get(0);
    }

    /** Posts a tweet dated in the past, for seeded history. */
    SandboxTweet postTweetAt(String authorHandle, String text, Long inReplyToStatusId, Instant at) {
        return publish(existingUser(authorHandle), text, inReplyToStatusId, true, at);
    }

    /**
     * Publishes a tweet under X's rules. A reply is threaded only if the text holds the replied-to author's
     * @handle, or {@code autoPopulateReplyMetadata} is set (X then puts "@handle " in front of the text, outside
     * the displayed range and the length count), or it answers the author's own tweet (a self-thread).
     *
     * @param at when it was posted, or null for now
     */
    SandboxTweet publish(SandboxUser author, String rawText, Long inReplyToStatusId, boolean autoPopulateReplyMetadata,
            Instant at) {
        String text = xText.normalize(rawText);
        if (text.isBlank()) {
            throw XApiException.missingStatus();
        }
        if (!xText.fitsInTweet(text)) {
            throw XApiException.statusTooLong();
        }
        String prefix = "";
        Long threadedStatusId = null;
        Long threadedUserId = null;
        if (inReplyToStatusId != null) {
            SandboxTweet repliedTo = tweets.findByIdOptional(inReplyToStatusId).orElseThrow(XApiException::noSuchStatus);
            SandboxUser repliedAuthor = users.findById(repliedTo.getAuthorId());
            boolean selfThread = repliedAuthor.getId() == author.getId();
            boolean namesAuthor = xText.mentionsHandle(text, repliedAuthor.getScreenName());
            if (selfThread || namesAuthor || autoPopulateReplyMetadata) {
                threadedStatusId = repliedTo.getId();
                threadedUserId = repliedAuthor.getId();
                if (!selfThread && !namesAuthor) {
                    prefix = "@" + repliedAuthor.getScreenName() + " ";
                }
            }
        }
        String fullText = prefix + text;
        if (tweets.latestTextsBy(author.getId(), DUPLICATE_WINDOW).contains(fullText)) {
            throw XApiException.duplicateStatus();
        }
        long id = at == null ? ids.nextId() : ids.idAt(at);
        SandboxTweet tweet = new SandboxTweet(id, author.getId(), fullText, xText.codePointLength(prefix),
                threadedStatusId, threadedUserId, SnowflakeIds.instantOf(id));
        tweets.persist(tweet);
        Set<Long> mentionedIds = recordMentions(tweet);
        if (at == null) {
            // Pushed by the fake X Activity API once committed: an explicit @mention, or a direct reply.
            activity.fire(SandboxActivityEvent.post(tweet, author, mentionedIds));
        }
        return tweet;
    }

    private Set<Long> recordMentions(SandboxTweet tweet) {
        Set<Long> mentionedIds = new HashSet<>();
        List<XText.Span> spans = xText.mentions(tweet.getText());
        Map<String, SandboxUser> mentioned = users.findByHandles(spans.stream().map(XText.Span::value).toList())
                .stream()
                .collect(Collectors.toMap(u -> SandboxUser.keyOf(u.getScreenName()), u -> u));
        for (XText.Span span : spans) {
            SandboxUser user = mentioned.get(SandboxUser.keyOf(span.value()));
            // X lists only existing accounts in user_mentions; an @unknown stays plain text.
            if (user != null) {
                mentions.persist(new SandboxMention(tweet.getId(), user.getId(), span.start(), span.end()));
                mentionedIds.add(user.getId());
            }
        }
        return mentionedIds;
    }

    // --- direct messages ---------------------------------------------------------------------------------------

    @Transactional
    public SandboxDirectMessageView sendDirectMessage(String senderHandle, String recipientHandle, String text) {
        SandboxUser sender = existingUser(senderHandle);
        SandboxUser recipient = existingUser(recipientHandle);
        SandboxDirectMessage message = deliver(sender, recipient, text, null);
        return toDirectMessageViews(List.of(message)).get(0);
    }

    /** The DMs a user sent or received, newest first. */
    @Transactional
    public List<SandboxDirectMessageView> directMessagesOf(String handle) {
        SandboxUser user = existingUser(handle);
        return toDirectMessageViews(directMessages.latestOf(user.getId(), Instant.EPOCH, Long.MAX_VALUE, VIEW_LIMIT));
    }

    /** Sends a DM dated in the past, for seeded history. */
    SandboxDirectMessage sendDirectMessageAt(String senderHandle, String recipientHandle, String text, Instant at) {
        return deliver(existingUser(senderHandle), existingUser(recipientHandle), text, at);
    }

    SandboxDirectMessage deliver(SandboxUser sender, SandboxUser recipient, String rawText, Instant at) {
        String text = xText.normalize(rawText);
        if (text.isBlank()) {
            throw XApiException.emptyDirectMessage();
        }
        if (text.length() > DIRECT_MESSAGE_MAX) {
            throw XApiException.directMessageTooLong();
        }
        if (sender.getId() == recipient.getId()) {
            throw XApiException.directMessageToSelf();
        }
        long id = at == null ? ids.nextId() : ids.idAt(at);
        SandboxDirectMessage message = new SandboxDirectMessage(id, sender.getId(), recipient.getId(), text,
                SnowflakeIds.instantOf(id));
        directMessages.persist(message);
        if (at == null) {
            activity.fire(SandboxActivityEvent.directMessage(message, sender));
        }
        return message;
    }

    // --- what a customer sees ----------------------------------------------------------------------------------

    @Transactional
    public CustomerView customerView(String handle) {
        SandboxUser customer = existingUser(handle);
        List<SandboxTweetView> about = toViews(tweets.latestAbout(customer.getId(), VIEW_LIMIT));
        List<SandboxDirectMessageView> dms = toDirectMessageViews(
                directMessages.latestOf(customer.getId(), Instant.EPOCH, Long.MAX_VALUE, VIEW_LIMIT));
        List<CustomerView.Item> items = new ArrayList<>();
        for (SandboxTweetView t : about) {
            items.add(new CustomerView.Item(CustomerView.Kind.TWEET, t.id(), t.authorHandle(), t.authorName(), null,
                    t.text(), t.inReplyToStatusId(), t.createdAt(), t.authorId() == customer.getId()));
        }
        for (SandboxDirectMessageView d : dms) {
            items.add(new CustomerView.Item(CustomerView.Kind.DIRECT_MESSAGE, d.id(), d.senderHandle(), null,
                    d.recipientHandle(), d.text(), null, d.createdAt(), d.senderId() == customer.getId()));
        }
        // Tweet and DM ids are both snowflakes, so id order is time order across the two.
        items.sort(Comparator.comparingLong(CustomerView.Item::id).reversed());
        return new CustomerView(customer.toView(), items.size() > VIEW_LIMIT ? items.subList(0, VIEW_LIMIT) : items);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    SandboxUser existingUser(String handle) {
        requireHandle(handle);
        return users.findByHandle(handle).orElseThrow(XApiException::noSuchUser);
    }

    private static boolean validHandle(String handle) {
        return handle != null && HANDLE.matcher(handle).matches();
    }

    private static void requireHandle(String handle) {
        if (!validHandle(handle)) {
            throw XApiException.invalidParameter(
                    "A handle is 1 to 20 letters, digits or underscores, without the @.");
        }
    }

    /** Views of tweets with their users and mentions loaded in two queries, whatever the number of tweets. */
    List<SandboxTweetView> toViews(List<SandboxTweet> page) {
        Map<Long, List<SandboxMention>> mentionsByTweet = mentions.byTweetIds(page.stream().map(SandboxTweet::getId).toList());
        Set<Long> userIds = new HashSet<>();
        for (SandboxTweet tweet : page) {
            userIds.add(tweet.getAuthorId());
            if (tweet.getInReplyToUserId() != null) {
                userIds.add(tweet.getInReplyToUserId());
            }
        }
        mentionsByTweet.values().forEach(list -> list.forEach(m -> userIds.add(m.getMentionedUserId())));
        Map<Long, SandboxUser> byId = users.byIds(userIds);
        return page.stream().map(tweet -> {
            SandboxUser author = byId.get(tweet.getAuthorId());
            SandboxUser repliedTo = tweet.getInReplyToUserId() == null ? null : byId.get(tweet.getInReplyToUserId());
            List<String> handles = mentionsByTweet.getOrDefault(tweet.getId(), List.of()).stream()
                    .map(m -> byId.get(m.getMentionedUserId()).getScreenName())
                    .toList();
            return new SandboxTweetView(tweet.getId(), author.getId(), author.getScreenName(), author.getName(),
                    tweet.getText(), tweet.getInReplyToStatusId(), tweet.getInReplyToUserId(),
                    repliedTo == null ? null : repliedTo.getScreenName(), handles, tweet.getCreatedAt());
        }).toList();
    }

    private List<SandboxDirectMessageView> toDirectMessageViews(List<SandboxDirectMessage> page) {
        Set<Long> userIds = new HashSet<>();
        page.forEach(d -> {
            userIds.add(d.getSenderId());
            userIds.add(d.getRecipientId());
        });
        Map<Long, SandboxUser> byId = users.byIds(userIds);
        return page.stream().map(d -> new SandboxDirectMessageView(d.getId(), d.getSenderId(),
                byId.get(d.getSenderId()).getScreenName(), d.getRecipientId(),
                byId.get(d.getRecipientId()).getScreenName(), d.getText(), d.getCreatedAt())).toList();
    }

    /** Thirty days back from now: how far X's DM list reaches. */
    static Instant directMessageHorizon(Instant now) {
        return now.minus(30, ChronoUnit.DAYS);
    }
}
