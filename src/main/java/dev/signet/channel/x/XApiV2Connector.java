package dev.signet.channel.x;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

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
import dev.signet.channel.OutgoingMessage;
import dev.signet.channel.Published;
import dev.signet.channel.RateLimitBudget;
import dev.signet.channel.RateLimitedException;
import dev.signet.channel.SentTextMatch;
import dev.signet.customer.Network;
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
    static final String DM_EVENT_FIELDS = "id,event_type,text,sender_id,dm_conversation_id,created_at";
    /** X's ids are snowflakes: milliseconds since this epoch, shifted left by 22 bits. */
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;

    private final String accountKey;
    private final RateLimitBudget budget;
    private final XApiV2Client client;
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
        TreeMap<Long, XApiV2Json.Tweet> byId = new TreeMap<>();
        Map<String, XApiV2Json.User> users = new HashMap<>();
        String token = null;
        for (int page = 0; page < MENTIONS_MAX_PAGES; page++) {
            String pageToken = token;
            XApiV2Json.TweetPage result = call("fetch mentions", ApiCall.MENTIONS,
                    () -> client.mentions(me, MENTIONS_PAGE, sinceId, pageToken, TWEET_FIELDS, "author_id"));
            if (result.data() != null) {
                result.data().forEach(tweet -> byId.putIfAbsent(Long.parseLong(tweet.id()), tweet));
            }
            collectUsers(result.includes(), users);
            token = result.meta() == null ? null : result.meta().nextToken();
            if (token == null) {
                break;
            }
        }
        // Reposts are passed on flagged: intake drops and counts them.
        List<InboundMessage> messages = byId.values().stream().map(tweet -> fromTweet(tweet, users)).toList();
        // All X serves read (its 800 most recent) and still above the cursor: the mentions in between are gone here.
        boolean servedAll = token == null && byId.size() >= MENTIONS_REACHABLE;
        FetchResult.Gap gap = FetchResult.gapOf(sinceId, byId.isEmpty() ? null : byId.firstKey(), servedAll,
                id -> snowflakeInstant(Long.toString(id)));
        return new FetchResult(messages, byId.isEmpty() ? null : Long.toString(byId.lastKey()), false, gap);
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
        List<InboundMessage> messages = byId.values().stream().map(tweet -> fromTweet(tweet, users)).toList();
        return new MentionSearch(messages, complete, byId.isEmpty() ? null : Long.toString(byId.firstKey()));
    }

    @Override
    public FetchResult fetchDirectMessages(String lastSeenEventId) {
        long lastSeen = lastSeenEventId == null ? -1 : Long.parseLong(lastSeenEventId);
        TreeMap<Long, XApiV2Json.DmEvent> byId = new TreeMap<>();
        Map<String, XApiV2Json.User> users = new HashMap<>();
        String token = null;
        boolean reachedSeen = false;
        for (int page = 0; page < DM_MAX_PAGES && !reachedSeen; page++) {
            String pageToken = token;
            XApiV2Json.DmEventPage result = call("fetch direct messages", ApiCall.DIRECT_MESSAGES, () -> client.directMessageEvents(DM_PAGE,
                    pageToken, "MessageCreate", DM_EVENT_FIELDS, "sender_id"));
            for (XApiV2Json.DmEvent event : result.data() == null ? List.<XApiV2Json.DmEvent>of() : result.data()) {
                long id = Long.parseLong(event.id());
                if (id <= lastSeen) {
                    reachedSeen = true;
                } else if ("MessageCreate".equals(event.eventType())) {
                    byId.putIfAbsent(id, event);
                }
            }
            collectUsers(result.includes(), users);
            token = result.meta() == null ? null : result.meta().nextToken();
            if (token == null) {
                break;
            }
        }
        List<InboundMessage> messages = byId.values().stream().map(event -> fromDirectMessage(event, users)).toList();
        return new FetchResult(messages, byId.isEmpty() ? null : Long.toString(byId.lastKey()));
    }

    @Override
    public String cursorAt(Instant moment) {
        return XSnowflake.sinceIdAt(moment);
    }

    @Override
    public Published publishReply(String text, String inReplyToExternalId) {
        XApiV2Json.CreatedTweet created = call("publish reply", ApiCall.PUBLISH, () -> client.createTweet(
                new XApiV2Json.NewTweet(text, new XApiV2Json.Reply(inReplyToExternalId)))).data();
        return new Published(created.id(), snowflakeInstant(created.id()));
    }

    @Override
    public Published sendDirectMessage(String recipientUserId, String text) {
        XApiV2Json.SentDirectMessage sent = call("send direct message", ApiCall.SEND_DM,
                () -> client.sendDirectMessage(recipientUserId, new XApiV2Json.NewDirectMessage(text))).data();
        return new Published(sent.dmEventId(), snowflakeInstant(sent.dmEventId()));
    }

    /**
     * The brand's own posts since the first attempt ({@code GET /2/users/{id}/tweets} with a {@code since_id} made
     * from that time, paged), or its DM events back to then ({@code GET /2/dm_events}, newest first), that are this
     * reply.
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
                    () -> client.directMessageEvents(DM_PAGE, pageToken, "MessageCreate", DM_EVENT_FIELDS, null));
            boolean older = false;
            for (XApiV2Json.DmEvent event : result.data() == null ? List.<XApiV2Json.DmEvent>of() : result.data()) {
                Instant sentAt = sentAt(event.createdAt(), event.id());
                if (sentAt.isBefore(notBefore)) {
                    older = true;
                } else if (me.equals(event.senderId()) && outgoing.recipientUserId().equals(recipientOf(event))
                        && SentTextMatch.sameText(outgoing.text(), event.text())) {
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

    private static Author author(String id, Map<String, XApiV2Json.User> users) {
        XApiV2Json.User user = users.get(id);
        return user == null ? new Author(id, id, null) : new Author(user.id(), user.username(), user.name());
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
            throw failed(what, apiCall, "network error: " + e.getClass().getSimpleName()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"), true, e);
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
