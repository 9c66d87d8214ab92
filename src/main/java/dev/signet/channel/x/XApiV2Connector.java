package dev.signet.channel.x;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.AccountProfile;
import dev.signet.channel.ApiCall;
import dev.signet.channel.Author;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.ChannelConnector;
import dev.signet.channel.ChannelException;
import dev.signet.channel.FetchResult;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MentionSearch;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.channel.OutgoingMessage;
import dev.signet.channel.Published;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantinedItem;
import dev.signet.channel.RateLimitBudget;
import dev.signet.channel.RateLimitedException;
import dev.signet.channel.SentTextMatch;
import dev.signet.channel.UntakableItemException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * X API v2 for one brand account (self-serve access), through a typed REST client signed with the brand's OAuth
 * 1.0a user context. Mentions are paged back with {@code next_token} down to the stored {@code since_id}, DM
 * events until the last one seen, so a burst larger than a page loses nothing; results are de-duplicated and
 * returned oldest first.
 */
public class XApiV2Connector implements ChannelConnector {

    private static final Logger LOG = Logger.getLogger(XApiV2Connector.class);

    /** v2 mentions: at most 100 a page, and only the 800 most recent are reachable. */
    static final int MENTIONS_PAGE = 100;
    static final int MENTIONS_MAX_PAGES = 8;
    static final int MENTIONS_REACHABLE = MENTIONS_PAGE * MENTIONS_MAX_PAGES;
    /** Recent search: 10 to 100 a page. */
    static final int SEARCH_PAGE = 100;
    /** v2 DM events: at most 100 a page; 10 pages reach 1,000 events back (the budget is 15 calls / 15 min). */
    static final int DM_PAGE = 100;
    static final int DM_MAX_PAGES = 10;
    static final String TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets";
    /** {@code GET /2/users} takes at most 100 ids. */
    static final int USERS_LOOKUP_BATCH = 100;
    /** DM event types X documents that are not messages: skipped, not quarantined. */
    static final Set<String> NOT_MESSAGES = Set.of("ParticipantsJoin", "ParticipantsLeave");
    static final String DM_EVENT_FIELDS = "id,event_type,text,sender_id,dm_conversation_id,created_at";
    /** X's ids are snowflakes: milliseconds since this epoch, shifted left by 22 bits. */
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;
    /** X's post and DM event ids: 1 to 19 digits. */
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,19}");

    private final String accountKey;
    private final RateLimitBudget budget;
    private final XApiV2Client client;
    /** Reads the answers to sends, which come back raw (see {@link #accepted}), and each item of a page on its own
     * (one bad item must not fail the page). */
    private final ObjectMapper json = new ObjectMapper();
    /** The brand's user id, learnt from {@code users/me} once: the mentions endpoint is addressed by it. */
    private volatile String userId;

    public XApiV2Connector(String accountKey, ChannelConfig.Account account, Duration timeout, RateLimitBudget budget) {
        this.accountKey = accountKey;
        this.budget = budget;
        Twitter4jOAuthSigner signer = new Twitter4jOAuthSigner(account.consumerKey(), account.consumerSecret(),
                account.accessToken(), account.accessTokenSecret());
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(withTrailingSlash(account.apiV2BaseUrl())))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(new OAuthSigningFilter(signer))
                .register(new XApiV2ErrorMapper())
                .register(new RateLimitHeadersFilter(accountKey, budget))
                .build(XApiV2Client.class);
    }

    @Override
    public AccountProfile verifyCredentials() {
        XApiV2Json.User me = call("verify credentials", ApiCall.VERIFY, client::me).data();
        userId = me.id();
        return new AccountProfile(me.id(), me.username());
    }

    @Override
    public FetchResult fetchMentions(String sinceId) {
        String me = userId();
        TreeMap<Long, JsonNode> byId = new TreeMap<>();
        List<QuarantinedItem> quarantined = new ArrayList<>();
        Map<String, XApiV2Json.User> users = new HashMap<>();
        String token = null;
        for (int page = 0; page < MENTIONS_MAX_PAGES; page++) {
            String pageToken = token;
            XApiV2Json.RawPage result = call("fetch mentions", ApiCall.MENTIONS,
                    () -> client.mentions(me, MENTIONS_PAGE, sinceId, pageToken, TWEET_FIELDS, "author_id"));
            collectItems(result, MessageKind.MENTION, byId, quarantined);
            collectUsers(result.includes(), users);
            token = result.meta() == null ? null : result.meta().nextToken();
            if (token == null) {
                break;
            }
        }
        List<XApiV2Json.Tweet> tweets = new ArrayList<>();
        for (JsonNode node : byId.values()) {
            try {
                tweets.add(checkedTweet(node));
            } catch (UntakableItemException e) {
                quarantined.add(quarantine(MessageKind.MENTION, node, e));
            }
        }
        int looked = lookUpMissing(tweets.stream().map(XApiV2Json.Tweet::authorId).toList(), users);
        // Reposts are passed on flagged: intake drops and counts them.
        List<InboundMessage> messages = tweets.stream().map(tweet -> fromTweet(tweet, users)).toList();
        // All X serves read (its 800 most recent) and still above the cursor: the mentions in between are gone here.
        boolean servedAll = token == null && byId.size() >= MENTIONS_REACHABLE;
        FetchResult.Gap gap = FetchResult.gapOf(sinceId, byId.isEmpty() ? null : byId.firstKey(), servedAll,
                id -> snowflakeInstant(Long.toString(id)));
        // The cursor moves past quarantined items too: they are kept, and would fail the same way again.
        return new FetchResult(messages, byId.isEmpty() ? null : Long.toString(byId.lastKey()), false, quarantined,
                looked, gap);
    }

    /**
     * {@code GET /2/tweets/search/recent?query=@handle&since_id=…&until_id=…}, newest first, paged with
     * {@code next_token}.
     */
    @Override
    public MentionSearch searchMentions(String handle, String sinceId, String untilId, int maxPages) {
        TreeMap<Long, XApiV2Json.Tweet> byId = new TreeMap<>();
        Map<String, XApiV2Json.User> users = new HashMap<>();
        String token = null;
        boolean complete = false;
        for (int page = 0; page < maxPages; page++) {
            String pageToken = token;
            XApiV2Json.TweetPage result = call("search mentions", ApiCall.SEARCH,
                    () -> client.searchRecent("@" + handle, SEARCH_PAGE, sinceId, untilId, pageToken, TWEET_FIELDS,
                            "author_id"));
            if (result.data() != null) {
                result.data().forEach(tweet -> byId.putIfAbsent(Long.parseLong(tweet.id()), tweet));
            }
            collectUsers(result.includes(), users);
            token = result.meta() == null ? null : result.meta().nextToken();
            if (token == null) {
                complete = true;
                break;
            }
        }
        List<XApiV2Json.Tweet> tweets = new ArrayList<>();
        List<QuarantinedItem> quarantined = new ArrayList<>();
        for (XApiV2Json.Tweet found : byId.values()) {
            JsonNode node = json.valueToTree(found);
            try {
                tweets.add(checkedTweet(node));
            } catch (UntakableItemException e) {
                quarantined.add(quarantine(MessageKind.MENTION, node, e));
            }
        }
        lookUpMissing(tweets.stream().map(XApiV2Json.Tweet::authorId).toList(), users);
        List<InboundMessage> messages = tweets.stream().map(tweet -> fromTweet(tweet, users)).toList();
        return new MentionSearch(messages, complete, byId.isEmpty() ? null : Long.toString(byId.firstKey()),
                quarantined);
    }

    @Override
    public FetchResult fetchDirectMessages(String lastSeenEventId) {
        long lastSeen = lastSeenEventId == null ? -1 : Long.parseLong(lastSeenEventId);
        TreeMap<Long, JsonNode> byId = new TreeMap<>();
        List<QuarantinedItem> quarantined = new ArrayList<>();
        Map<String, XApiV2Json.User> users = new HashMap<>();
        String token = null;
        boolean reachedSeen = false;
        for (int page = 0; page < DM_MAX_PAGES && !reachedSeen; page++) {
            String pageToken = token;
            XApiV2Json.RawPage result = call("fetch direct messages", ApiCall.DIRECT_MESSAGES, () -> client.directMessageEventPage(DM_PAGE,
                    pageToken, "MessageCreate", DM_EVENT_FIELDS, "sender_id"));
            TreeMap<Long, JsonNode> pageItems = new TreeMap<>();
            collectItems(result, MessageKind.DIRECT_MESSAGE, pageItems, quarantined);
            for (Map.Entry<Long, JsonNode> item : pageItems.entrySet()) {
                if (item.getKey() <= lastSeen) {
                    reachedSeen = true;
                } else {
                    byId.putIfAbsent(item.getKey(), item.getValue());
                }
            }
            collectUsers(result.includes(), users);
            token = result.meta() == null ? null : result.meta().nextToken();
            if (token == null) {
                break;
            }
        }
        List<XApiV2Json.DmEvent> events = new ArrayList<>();
        for (JsonNode node : byId.values()) {
            try {
                checkedDirectMessage(node).ifPresent(events::add);
            } catch (UntakableItemException e) {
                quarantined.add(quarantine(MessageKind.DIRECT_MESSAGE, node, e));
            }
        }
        int looked = lookUpMissing(events.stream().map(XApiV2Json.DmEvent::senderId).toList(), users);
        List<InboundMessage> messages = events.stream().map(event -> fromDirectMessage(event, users)).toList();
        return new FetchResult(messages, byId.isEmpty() ? null : Long.toString(byId.lastKey()), false, quarantined,
                looked);
    }

    /**
     * Parses a quarantined mention or DM event again; its author is looked up when X did not name them (one
     * users call).
     */
    @Override
    public InboundMessage replay(QuarantinedItem item) {
        JsonNode node;
        try {
            node = json.readTree(item.rawJson());
        } catch (JsonProcessingException e) {
            throw new UntakableItemException(QuarantineReason.UNREADABLE, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UntakableItemException(QuarantineReason.UNREADABLE, "not a JSON object");
        }
        if (numericId(node) == null) {
            throw new UntakableItemException(QuarantineReason.MISSING_ID, "no numeric id");
        }
        Map<String, XApiV2Json.User> users = new HashMap<>();
        if (item.kind() == MessageKind.DIRECT_MESSAGE) {
            XApiV2Json.DmEvent event = checkedDirectMessage(node).orElseThrow(() -> new UntakableItemException(
                    QuarantineReason.UNKNOWN_TYPE, "a DM event that is not a message: " + node.path("event_type").asText()));
            lookUpMissing(List.of(event.senderId()), users);
            return fromDirectMessage(event, users);
        }
        XApiV2Json.Tweet tweet = checkedTweet(node);
        lookUpMissing(List.of(tweet.authorId()), users);
        return fromTweet(tweet, users);
    }

    @Override
    public String cursorAt(Instant moment) {
        return XSnowflake.sinceIdAt(moment);
    }

    @Override
    public Published publishReply(String text, String inReplyToExternalId) {
        String body = call("publish reply", ApiCall.PUBLISH, () -> client.createTweet(
                new XApiV2Json.NewTweet(text, new XApiV2Json.Reply(inReplyToExternalId))));
        return accepted("publish reply", body, XApiV2Json.CreatedTweetResponse.class,
                created -> created.data() == null ? null : created.data().id());
    }

    @Override
    public Published sendDirectMessage(String recipientUserId, String text) {
        String body = call("send direct message", ApiCall.SEND_DM,
                () -> client.sendDirectMessage(recipientUserId, new XApiV2Json.NewDirectMessage(text)));
        return accepted("send direct message", body, XApiV2Json.SentDirectMessageResponse.class,
                sent -> sent.data() == null ? null : sent.data().dmEventId());
    }

    /**
     * What a 2xx answer to a send says: the new post's or DM's id, or — when the body is not what X documents
     * (empty, {@code {}}, no id, not JSON) — that X has it under an id to be found later. Never an exception: a
     * message X accepted must not be sent again.
     */
    private <T> Published accepted(String what, String body, Class<T> type, Function<T, String> id) {
        Instant now = Instant.now();
        String reason;
        try {
            T parsed = body == null || body.isBlank() ? null : json.readValue(body, type);
            String externalId = parsed == null ? null : id.apply(parsed);
            if (externalId != null && NUMERIC_ID.matcher(externalId).matches()) {
                return new Published(externalId, snowflakeInstant(externalId));
            }
            reason = body == null || body.isBlank() ? "empty answer" : "no id in the answer";
        } catch (JsonProcessingException e) {
            reason = "unreadable answer (" + e.getClass().getSimpleName() + ")";
        }
        LOG.warnf("x accepted without a usable id: account=%s api=v2 call=%s reason=%s", accountKey, what, reason);
        return Published.idUnknown(reason, now);
    }

    /**
     * The brand's own posts since the first attempt ({@code GET /2/users/{id}/tweets} with a {@code since_id} made
     * from that time, paged), or the DM events of its one-to-one conversation with the recipient back to then
     * ({@code GET /2/dm_conversations/with/{participant_id}/dm_events}, newest first), that are this reply. A DM is
     * matched by its conversation partner, sender and text, never by parsing {@code dm_conversation_id}: X names
     * conversations in more than one form ("a-b" participant ids, or a single id).
     */
    @Override
    public List<Published> findSent(OutgoingMessage outgoing) {
        Instant notBefore = outgoing.firstAttemptAt().minus(Snowflakes.CLOCK_SKEW);
        String me = userId();
        TreeMap<Long, Published> found = new TreeMap<>();
        String token = null;
        if (!outgoing.directMessage()) {
            String sinceId = Long.toString(Snowflakes.lowestIdAt(notBefore));
            for (int page = 0; page < MENTIONS_MAX_PAGES; page++) {
                String pageToken = token;
                XApiV2Json.TweetPage result = call("look up published replies", ApiCall.USER_TIMELINE,
                        () -> client.tweets(me, MENTIONS_PAGE, sinceId, pageToken, TWEET_FIELDS));
                for (XApiV2Json.Tweet tweet : result.data() == null ? List.<XApiV2Json.Tweet>of() : result.data()) {
                    if (outgoing.inReplyToExternalId().equals(tweet.repliedToId())
                            && SentTextMatch.sameText(outgoing.text(), tweet.text())) {
                        found.put(Long.parseLong(tweet.id()), new Published(tweet.id(), sentAt(tweet.createdAt(), tweet.id())));
                    }
                }
                token = result.meta() == null ? null : result.meta().nextToken();
                if (token == null) {
                    break;
                }
            }
            return List.copyOf(found.values());
        }
        for (int page = 0; page < DM_MAX_PAGES; page++) {
            String pageToken = token;
            XApiV2Json.DmEventPage result = call("look up sent direct messages", ApiCall.DIRECT_MESSAGES,
                    () -> client.conversationEvents(outgoing.recipientUserId(), DM_PAGE, pageToken, "MessageCreate",
                            DM_EVENT_FIELDS));
            boolean older = false;
            for (XApiV2Json.DmEvent event : result.data() == null ? List.<XApiV2Json.DmEvent>of() : result.data()) {
                if (event.id() == null || !NUMERIC_ID.matcher(event.id()).matches()) {
                    continue;
                }
                Instant sentAt = sentAt(event.createdAt(), event.id());
                if (sentAt.isBefore(notBefore)) {
                    older = true;
                } else if (me.equals(event.senderId()) && SentTextMatch.sameText(outgoing.text(), event.text())) {
                    found.put(Long.parseLong(event.id()), new Published(event.id(), sentAt));
                }
            }
            token = result.meta() == null ? null : result.meta().nextToken();
            if (older || token == null) {
                break;
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Keeps each item of a page by its id; an item without a numeric id can't be stored (nor placed for the
     * cursor) and is quarantined at once.
     */
    private void collectItems(XApiV2Json.RawPage page, MessageKind kind, Map<Long, JsonNode> byId,
            List<QuarantinedItem> quarantined) {
        for (JsonNode node : page.data() == null ? List.<JsonNode>of() : page.data()) {
            Long id = numericId(node);
            if (id == null) {
                quarantined.add(quarantine(kind, node, new UntakableItemException(QuarantineReason.MISSING_ID,
                        "no numeric id")));
            } else {
                byId.putIfAbsent(id, node);
            }
        }
    }

    private static Long numericId(JsonNode node) {
        String id = node == null ? null : node.path("id").asText(null);
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A post Signet can take: X's schema makes every field optional, Signet needs the author and the text. */
    private XApiV2Json.Tweet checkedTweet(JsonNode node) {
        XApiV2Json.Tweet tweet = read(node, XApiV2Json.Tweet.class);
        if (tweet.authorId() == null || tweet.authorId().isBlank()) {
            throw new UntakableItemException(QuarantineReason.MISSING_AUTHOR, "a post without author_id");
        }
        if (tweet.text() == null) {
            throw new UntakableItemException(QuarantineReason.MISSING_TEXT, "a post without text");
        }
        checkedDate(tweet.createdAt());
        return tweet;
    }

    /**
     * A DM event Signet can take; empty for the events X documents that are not messages (a participant joining or
     * leaving a group conversation).
     */
    private Optional<XApiV2Json.DmEvent> checkedDirectMessage(JsonNode node) {
        XApiV2Json.DmEvent event = read(node, XApiV2Json.DmEvent.class);
        if (NOT_MESSAGES.contains(event.eventType())) {
            return Optional.empty();
        }
        if (!"MessageCreate".equals(event.eventType())) {
            throw new UntakableItemException(QuarantineReason.UNKNOWN_TYPE, "a DM event of type " + event.eventType());
        }
        if (event.senderId() == null || event.senderId().isBlank()) {
            throw new UntakableItemException(QuarantineReason.MISSING_AUTHOR, "a DM event without sender_id");
        }
        if (event.text() == null) {
            throw new UntakableItemException(QuarantineReason.MISSING_TEXT, "a DM event without text");
        }
        checkedDate(event.createdAt());
        return Optional.of(event);
    }

    private <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UntakableItemException(QuarantineReason.UNREADABLE,
                    "not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** {@code created_at} is optional (the id holds the time), but one that is there must be ISO-8601. */
    private static void checkedDate(String createdAt) {
        if (createdAt != null) {
            try {
                Instant.parse(createdAt);
            } catch (DateTimeParseException e) {
                throw new UntakableItemException(QuarantineReason.BAD_DATE, "created_at is not ISO-8601: " + createdAt);
            }
        }
    }

    private QuarantinedItem quarantine(MessageKind kind, JsonNode node, UntakableItemException why) {
        Long id = numericId(node);
        return new QuarantinedItem(accountKey, QuarantinedItem.X_V2, kind, id == null ? null : id.toString(),
                why.reason(), why.getMessage(), node == null ? "null" : node.toString());
    }

    /**
     * Looks up, in one users call per 100 ids, the authors X named only by id (it leaves suspended or protected
     * accounts out of {@code includes.users}); those it doesn't return stay unknown (null handle).
     *
     * @return how many users X returned (billed as user reads)
     */
    private int lookUpMissing(List<String> authorIds, Map<String, XApiV2Json.User> users) {
        List<String> missing = authorIds.stream().filter(id -> id != null && !users.containsKey(id)).distinct().toList();
        int found = 0;
        for (int from = 0; from < missing.size(); from += USERS_LOOKUP_BATCH) {
            String ids = String.join(",", missing.subList(from, Math.min(missing.size(), from + USERS_LOOKUP_BATCH)));
            XApiV2Json.UsersResponse response = call("look up users", ApiCall.USER_LOOKUP,
                    () -> client.users(ids, "username,name"));
            if (response != null && response.data() != null) {
                for (XApiV2Json.User user : response.data()) {
                    users.putIfAbsent(user.id(), user);
                    found++;
                }
            }
        }
        return found;
    }

    private String userId() {
        String known = userId;
        return known != null ? known : verifyCredentials().userId();
    }

    private InboundMessage fromTweet(XApiV2Json.Tweet tweet, Map<String, XApiV2Json.User> users) {
        return new InboundMessage(accountKey, Network.X, tweet.id(), MessageKind.MENTION,
                author(tweet.authorId(), users), null, tweet.text(), tweet.repliedToId(),
                sentAt(tweet.createdAt(), tweet.id()), tweet.isRetweet());
    }

    private InboundMessage fromDirectMessage(XApiV2Json.DmEvent event, Map<String, XApiV2Json.User> users) {
        return new InboundMessage(accountKey, Network.X, event.id(), MessageKind.DIRECT_MESSAGE,
                author(event.senderId(), users), recipientOf(event), event.text(), null,
                sentAt(event.createdAt(), event.id()));
    }

    /** A one-to-one conversation is named "lowerId-higherId": the recipient is the participant who didn't send. */
    private static String recipientOf(XApiV2Json.DmEvent event) {
        String conversation = event.dmConversationId();
        if (conversation == null) {
            return null;
        }
        String[] participants = conversation.split("-");
        if (participants.length != 2) {
            return null;
        }
        return participants[0].equals(event.senderId()) ? participants[1] : participants[0];
    }

    /** The author as X named them; an author X did not expand keeps an unknown (null) handle, never the id. */
    private static Author author(String id, Map<String, XApiV2Json.User> users) {
        XApiV2Json.User user = users.get(id);
        return user == null ? new Author(id, null, null) : new Author(user.id(), user.username(), user.name());
    }

    private static void collectUsers(XApiV2Json.Includes includes, Map<String, XApiV2Json.User> users) {
        if (includes != null && includes.users() != null) {
            includes.users().forEach(user -> users.putIfAbsent(user.id(), user));
        }
    }

    /** X's {@code created_at} when present (ISO-8601), else the time inside the snowflake id. */
    private static Instant sentAt(String createdAt, String id) {
        if (createdAt != null) {
            try {
                return Instant.parse(createdAt);
            } catch (DateTimeParseException e) {
                LOG.debugf("unreadable created_at %s of %s; using the id's time", createdAt, id);
            }
        }
        return snowflakeInstant(id);
    }

    private static Instant snowflakeInstant(String id) {
        return Instant.ofEpochMilli((Long.parseLong(id) >>> 22) + SNOWFLAKE_EPOCH_MILLIS);
    }

    private static String withTrailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private <T> T call(String what, ApiCall apiCall, Supplier<T> call) {
        try {
            return call.get();
        } catch (XApiV2Failure e) {
            throw failed(what, apiCall, e.getMessage(), e.retryable(), e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw failed(what, apiCall, "HTTP " + status, status == 429 || status >= 500, e);
        } catch (ProcessingException e) {
            if (e.getCause() instanceof XApiV2Failure failure) {
                throw failed(what, apiCall, failure.getMessage(), failure.retryable(), failure);
            }
            throw failed(what, apiCall, "network error: " + XFailureCause.describe(e), true, e);
        }
    }

    private ChannelException failed(String what, ApiCall apiCall, String reason, boolean retryable, Exception cause) {
        if (reason.startsWith("HTTP 429")) {
            // The rate-limit filter recorded the reset X gave; wait for it rather than retry.
            Instant resetAt = budget.blockedUntil(accountKey, apiCall, Instant.now())
                    .orElse(Instant.now().plus(ApiCall.WINDOW));
            budget.exhausted(accountKey, apiCall, resetAt);
            LOG.warnf("x rate limit reached: account=%s api=v2 call=%s resetAt=%s", accountKey, what, resetAt);
            return new RateLimitedException("X rate limit reached for " + what + "; waiting until " + resetAt, resetAt, cause);
        }
        LOG.warnf("x call failed: account=%s api=v2 call=%s retryable=%s reason=%s", accountKey, what, retryable, reason);
        return new ChannelException("X could not " + what + ": " + reason, retryable, cause);
    }
}
