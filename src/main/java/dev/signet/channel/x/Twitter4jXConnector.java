package dev.signet.channel.x;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
import dev.signet.channel.Network;
import dev.signet.channel.OutgoingMessage;
import dev.signet.channel.Published;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantinedItem;
import dev.signet.channel.RateLimitBudget;
import dev.signet.channel.RateLimitedException;
import dev.signet.channel.SentTextMatch;
import dev.signet.channel.UntakableItemException;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.TwitterResponse;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.DirectMessageList;
import twitter4j.v1.Paging;
import twitter4j.v1.Query;
import twitter4j.v1.QueryResult;
import twitter4j.v1.RateLimitStatus;
import twitter4j.v1.ResponseList;
import twitter4j.v1.Status;
import twitter4j.v1.StatusUpdate;
import twitter4j.v1.TwitterV1;
import twitter4j.v1.User;

/**
 * X API v1.1 through Twitter4J, for one brand account (Enterprise access). Only {@code channel.x} imports
 * {@code twitter4j}. Results come newest first from X; they are de-duplicated and returned oldest first.
 */
public class Twitter4jXConnector implements ChannelConnector {

    private static final Logger LOG = Logger.getLogger(Twitter4jXConnector.class);
    /** A 429's reset more than this long past is a misread header, not clock skew. */
    private static final Duration STALE_RESET = Duration.ofMinutes(1);

    /** v1.1 mentions: at most 200 a page, and only the 800 most recent are reachable. */
    static final int MENTIONS_PAGE = 200;
    static final int MENTIONS_MAX_PAGES = 4;
    static final int MENTIONS_REACHABLE = MENTIONS_PAGE * MENTIONS_MAX_PAGES;
    /** v1.1 standard search: at most 100 a page. */
    static final int SEARCH_PAGE = 100;
    /** v1.1 DM events: at most 50 a page. */
    static final int DM_PAGE = 50;
    static final int DM_MAX_PAGES = 20;
    /** users/lookup takes at most 100 ids. */
    static final int LOOKUP_BATCH = 100;

    private final String accountKey;
    private final TwitterV1 twitter;
    private final RateLimitBudget budget;
    /** The brand's user id, learnt once: DM events are matched on it. */
    private volatile Long brandUserId;

    public Twitter4jXConnector(String accountKey, ChannelConfig.Account account, Duration timeout, RateLimitBudget budget) {
        this.accountKey = accountKey;
        this.budget = budget;
        // Twitter4J has no base-URL setter: unprefixed keys through load(); a prefixed key would be ignored
        // and the client would call the real X.
        Properties properties = new Properties();
        properties.setProperty("restBaseURL", withTrailingSlash(account.apiBaseUrl()));
        properties.setProperty("http.connectionTimeout", Long.toString(timeout.toMillis()));
        properties.setProperty("http.readTimeout", Long.toString(timeout.toMillis()));
        this.twitter = Twitter.newBuilder()
                .load(properties)
                .oAuthConsumer(account.consumerKey(), account.consumerSecret())
                .oAuthAccessToken(account.accessToken(), account.accessTokenSecret())
                .httpConnectionTimeout((int) timeout.toMillis())
                .httpReadTimeout((int) timeout.toMillis())
                // Keeps each item's raw JSON (per thread, until the next call): what the quarantine stores.
                .jsonStoreEnabled(true)
                .build()
                .v1();
    }

    @Override
    public AccountProfile verifyCredentials() {
        User user = call("verify credentials", ApiCall.VERIFY, () -> twitter.users().verifyCredentials());
        return new AccountProfile(Long.toString(user.getId()), user.getScreenName());
    }

    @Override
    public FetchResult fetchMentions(String sinceId) {
        long since = sinceId == null ? -1 : Long.parseLong(sinceId);
        Map<Long, Status> byId = new TreeMap<>();
        Map<Long, String> raw = new HashMap<>();
        long maxId = -1;
        boolean cutShort = false;
        for (int page = 0; page < MENTIONS_MAX_PAGES; page++) {
            if (page > 0 && budget.blockedUntil(accountKey, ApiCall.MENTIONS, Instant.now()).isPresent()) {
                cutShort = true;
                break;
            }
            Paging paging = Paging.ofCount(MENTIONS_PAGE);
            if (since > 0) {
                paging = paging.sinceId(since);
            }
            if (maxId > 0) {
                paging = paging.maxId(maxId);
            }
            Paging request = paging;
            ResponseList<Status> statuses = call("fetch mentions", ApiCall.MENTIONS,
                    () -> twitter.timelines().getMentionsTimeline(request));
            statuses.forEach(status -> {
                byId.putIfAbsent(status.getId(), status);
                raw.putIfAbsent(status.getId(), rawJson(status, status.getId()));
            });
            if (statuses.size() < MENTIONS_PAGE) {
                break;
            }
            // max_id is inclusive on v1.1: continue below the oldest id of this page.
            maxId = statuses.stream().mapToLong(Status::getId).min().orElseThrow() - 1;
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<QuarantinedItem> quarantined = new ArrayList<>();
        for (Status status : byId.values()) {
            try {
                messages.add(fromStatus(status));
            } catch (UntakableItemException e) {
                quarantined.add(new QuarantinedItem(accountKey, QuarantinedItem.X_V1_1, MessageKind.MENTION,
                        Long.toString(status.getId()), e.reason(), e.getMessage(), raw.get(status.getId())));
            }
        }
        // A fetch cut short (window spent mid-way) keeps the old cursor: the gap below is read next time. Having
        // read all pages is complete: X serves no more than the last 800 mentions, so nothing older is reachable.
        String cursor = byId.isEmpty() || cutShort ? null : Long.toString(((TreeMap<Long, Status>) byId).lastKey());
        // All X serves read (its 800 most recent) and still above the cursor: the mentions in between are gone here.
        boolean servedAll = !cutShort && byId.size() >= MENTIONS_REACHABLE;
        FetchResult.Gap gap = FetchResult.gapOf(sinceId, byId.isEmpty() ? null : ((TreeMap<Long, Status>) byId).firstKey(),
                servedAll, id -> Snowflakes.instantOf(Long.toString(id)));
        return new FetchResult(messages, cursor, cutShort, quarantined, 0, gap);
    }

    /**
     * {@code search/tweets.json?q=@handle&since_id=…&max_id=…&result_type=recent}, newest first, paged down with
     * {@code max_id} (inclusive on v1.1) until X offers no further page.
     */
    @Override
    public MentionSearch searchMentions(String handle, String sinceId, String untilId, int maxPages) {
        long since = Long.parseLong(sinceId);
        long maxId = Long.parseLong(untilId) - 1;
        TreeMap<Long, Status> byId = new TreeMap<>();
        boolean complete = false;
        for (int page = 0; page < maxPages && maxId > since; page++) {
            Query query = Query.of("@" + handle).sinceId(since).maxId(maxId).count(SEARCH_PAGE)
                    .resultType(Query.ResultType.recent);
            QueryResult result = call("search mentions", ApiCall.SEARCH, () -> twitter.search().search(query));
            result.getTweets().forEach(status -> byId.putIfAbsent(status.getId(), status));
            if (result.getTweets().isEmpty() || !result.hasNext()) {
                complete = true;
                break;
            }
            maxId = result.getTweets().stream().mapToLong(Status::getId).min().orElseThrow() - 1;
        }
        complete = complete || maxId <= since;
        List<InboundMessage> messages = new ArrayList<>();
        List<QuarantinedItem> quarantined = new ArrayList<>();
        for (Status status : byId.values()) {
            try {
                messages.add(fromStatus(status));
            } catch (UntakableItemException e) {
                quarantined.add(new QuarantinedItem(accountKey, QuarantinedItem.X_V1_1, MessageKind.MENTION,
                        Long.toString(status.getId()), e.reason(), e.getMessage(), rawJson(status, status.getId())));
            }
        }
        return new MentionSearch(messages, complete, byId.isEmpty() ? null : Long.toString(byId.firstKey()),
                quarantined);
    }

    @Override
    public FetchResult fetchDirectMessages(String lastSeenEventId) {
        long lastSeen = lastSeenEventId == null ? -1 : Long.parseLong(lastSeenEventId);
        Map<Long, DirectMessage> byId = new TreeMap<>();
        Map<Long, String> raw = new HashMap<>();
        String cursor = null;
        boolean reachedSeen = false;
        boolean cutShort = false;
        for (int page = 0; page < DM_MAX_PAGES && !reachedSeen; page++) {
            if (page > 0 && budget.blockedUntil(accountKey, ApiCall.DIRECT_MESSAGES, Instant.now()).isPresent()) {
                cutShort = true;
                break;
            }
            String pageCursor = cursor;
            DirectMessageList events = call("fetch direct messages", ApiCall.DIRECT_MESSAGES, () -> pageCursor == null
                    ? twitter.directMessages().getDirectMessages(DM_PAGE)
                    : twitter.directMessages().getDirectMessages(DM_PAGE, pageCursor));
            for (DirectMessage event : events) {
                if (event.getId() <= lastSeen) {
                    reachedSeen = true;
                } else {
                    byId.putIfAbsent(event.getId(), event);
                    raw.putIfAbsent(event.getId(), rawJson(event, event.getId()));
                }
            }
            cursor = events.getNextCursor();
            if (reachedSeen || cursor == null || cursor.isEmpty()) {
                break;
            }
            // Unlike mentions, older DM events stay reachable (30 days): running out of pages is a cut too.
            cutShort = page == DM_MAX_PAGES - 1;
        }
        List<QuarantinedItem> quarantined = new ArrayList<>();
        List<DirectMessage> events = new ArrayList<>();
        for (DirectMessage event : byId.values()) {
            if (event.getSenderId() <= 0) {
                quarantined.add(new QuarantinedItem(accountKey, QuarantinedItem.X_V1_1, MessageKind.DIRECT_MESSAGE,
                        Long.toString(event.getId()), QuarantineReason.MISSING_AUTHOR, "a DM event without sender_id",
                        raw.get(event.getId())));
            } else if (event.getText() == null) {
                quarantined.add(new QuarantinedItem(accountKey, QuarantinedItem.X_V1_1, MessageKind.DIRECT_MESSAGE,
                        Long.toString(event.getId()), QuarantineReason.MISSING_TEXT, "a DM event without text",
                        raw.get(event.getId())));
            } else {
                events.add(event);
            }
        }
        Map<Long, Author> authors = lookUpAuthors(events.stream().map(DirectMessage::getSenderId)
                .collect(Collectors.toSet()));
        List<InboundMessage> messages = events.stream()
                .sorted(Comparator.comparingLong(DirectMessage::getId))
                .map(dm -> fromDirectMessage(dm, authors))
                .toList();
        String newCursor = byId.isEmpty() || cutShort ? null
                : Long.toString(((TreeMap<Long, DirectMessage>) byId).lastKey());
        return new FetchResult(messages, newCursor, cutShort, quarantined, authors.size());
    }

    @Override
    public String cursorAt(Instant moment) {
        return XSnowflake.sinceIdAt(moment);
    }

    @Override
    public Published publishReply(String text, String inReplyToExternalId) {
        // Without auto-populated reply metadata (or the @handle in the text) X does not thread the reply.
        StatusUpdate update = StatusUpdate.of(text)
                .inReplyToStatusId(Long.parseLong(inReplyToExternalId))
                .autoPopulateReplyMetadata(true);
        Status status = send("publish reply", ApiCall.PUBLISH, () -> twitter.tweets().updateStatus(update));
        if (status == null || status.getId() <= 0) {
            return idUnknown("publish reply", status == null ? "unreadable answer" : "no id in the answer");
        }
        return new Published(Long.toString(status.getId()), toInstant(status.getCreatedAt()));
    }

    @Override
    public Published sendDirectMessage(String recipientUserId, String text) {
        long recipient = Long.parseLong(recipientUserId);
        DirectMessage sent = send("send direct message", ApiCall.SEND_DM,
                () -> twitter.directMessages().sendDirectMessage(recipient, text));
        if (sent == null || sent.getId() <= 0) {
            return idUnknown("send direct message", sent == null ? "unreadable answer" : "no id in the answer");
        }
        return new Published(Long.toString(sent.getId()), toInstant(sent.getCreatedAt()));
    }

    /**
     * A send: as {@link #call}, except that an answer Twitter4J could not parse is null rather than a failure.
     * Twitter4J parses only 2xx answers (an error status throws with that status first), so a parse failure means
     * X accepted the post or DM: it must not be sent again.
     */
    private <T> T send(String what, ApiCall apiCall, XCall<T> call) {
        return call(what, apiCall, () -> {
            try {
                return call.run();
            } catch (TwitterException e) {
                if (isParseFailure(e.getCause()) && !e.isCausedByNetworkIssue()
                        && (e.getStatusCode() < 0 || (e.getStatusCode() >= 200 && e.getStatusCode() < 300))) {
                    LOG.debugf("x answered a send with an unreadable body: account=%s call=%s cause=%s", accountKey,
                            what, e.getCause().getMessage());
                    return null;
                }
                throw e;
            }
        });
    }

    /** Twitter4J's JSONException is package-private: known by name. */
    private static boolean isParseFailure(Throwable cause) {
        return cause != null && "twitter4j.JSONException".equals(cause.getClass().getName());
    }

    private Published idUnknown(String what, String reason) {
        LOG.warnf("x accepted without a usable id: account=%s api=v1.1 call=%s reason=%s", accountKey, what, reason);
        return Published.idUnknown(reason, Instant.now());
    }

    /**
     * The brand's own posts since the first attempt ({@code statuses/user_timeline.json} with a {@code since_id}
     * made from that time), or its DM events back to then ({@code direct_messages/events/list.json}, newest first,
     * sent and received), that are this reply.
     */
    @Override
    public List<Published> findSent(OutgoingMessage outgoing) {
        Instant notBefore = outgoing.firstAttemptAt().minus(Snowflakes.CLOCK_SKEW);
        List<Published> found = new ArrayList<>();
        if (!outgoing.directMessage()) {
            long inReplyTo = Long.parseLong(outgoing.inReplyToExternalId());
            long sinceId = Snowflakes.lowestIdAt(notBefore);
            long maxId = -1;
            for (int page = 0; page < MENTIONS_MAX_PAGES; page++) {
                Paging paging = Paging.ofCount(MENTIONS_PAGE).sinceId(sinceId);
                Paging request = maxId > 0 ? paging.maxId(maxId) : paging;
                ResponseList<Status> statuses = call("look up published replies", ApiCall.USER_TIMELINE,
                        () -> twitter.timelines().getUserTimeline(request));
                statuses.stream()
                        .filter(status -> status.getInReplyToStatusId() == inReplyTo
                                && SentTextMatch.sameText(outgoing.text(), status.getText()))
                        .forEach(status -> found.add(new Published(Long.toString(status.getId()),
                                toInstant(status.getCreatedAt()))));
                if (statuses.size() < MENTIONS_PAGE) {
                    break;
                }
                maxId = statuses.stream().mapToLong(Status::getId).min().orElseThrow() - 1;
            }
            found.sort(Comparator.comparing(Published::externalId, Comparator.comparingLong(Long::parseLong)));
            return found;
        }
        long brandId = brandUserId();
        long recipient = Long.parseLong(outgoing.recipientUserId());
        String cursor = null;
        for (int page = 0; page < DM_MAX_PAGES; page++) {
            String pageCursor = cursor;
            DirectMessageList events = call("look up sent direct messages", ApiCall.DIRECT_MESSAGES,
                    () -> pageCursor == null
                            ? twitter.directMessages().getDirectMessages(DM_PAGE)
                            : twitter.directMessages().getDirectMessages(DM_PAGE, pageCursor));
            boolean older = false;
            for (DirectMessage event : events) {
                Instant sentAt = toInstant(event.getCreatedAt());
                if (sentAt.isBefore(notBefore)) {
                    older = true;
                } else if (event.getSenderId() == brandId && event.getRecipientId() == recipient
                        && SentTextMatch.sameText(outgoing.text(), event.getText())) {
                    found.add(new Published(Long.toString(event.getId()), sentAt));
                }
            }
            cursor = events.getNextCursor();
            if (older || cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        found.sort(Comparator.comparing(Published::externalId, Comparator.comparingLong(Long::parseLong)));
        return found;
    }

    private long brandUserId() {
        Long known = brandUserId;
        if (known == null) {
            known = Long.parseLong(verifyCredentials().userId());
            brandUserId = known;
        }
        return known;
    }

    /**
     * Parses a quarantined status or DM event again (Twitter4J's own parser); a DM's sender is looked up (one
     * users/lookup call).
     */
    @Override
    public InboundMessage replay(QuarantinedItem item) {
        try {
            if (item.kind() == MessageKind.DIRECT_MESSAGE) {
                DirectMessage event = TwitterObjectFactory.createDirectMessage(item.rawJson());
                if (event.getSenderId() <= 0) {
                    throw new UntakableItemException(QuarantineReason.MISSING_AUTHOR, "a DM event without sender_id");
                }
                return fromDirectMessage(event, lookUpAuthors(Set.of(event.getSenderId())));
            }
            return fromStatus(TwitterObjectFactory.createStatus(item.rawJson()));
        } catch (TwitterException e) {
            throw new UntakableItemException(QuarantineReason.UNREADABLE, "not an X v1.1 item: " + e.getMessage());
        }
    }

    /** The item's JSON as X sent it (kept by Twitter4J's JSON store), else what Signet knows of it. */
    private static String rawJson(Object item, long id) {
        String raw = TwitterObjectFactory.getRawJSON(item);
        return raw != null ? raw : "{\"id\":" + id + "}";
    }

    private InboundMessage fromStatus(Status status) {
        User user = status.getUser();
        if (user == null || user.getId() <= 0) {
            throw new UntakableItemException(QuarantineReason.MISSING_AUTHOR, "a status without user");
        }
        if (status.getText() == null) {
            throw new UntakableItemException(QuarantineReason.MISSING_TEXT, "a status without text");
        }
        Author author = new Author(Long.toString(user.getId()), user.getScreenName(), user.getName());
        String inReplyTo = status.getInReplyToStatusId() > 0 ? Long.toString(status.getInReplyToStatusId()) : null;
        return new InboundMessage(accountKey, Network.X, Long.toString(status.getId()), MessageKind.MENTION, author,
                null, status.getText(), inReplyTo, toInstant(status.getCreatedAt()), status.getRetweetedStatus() != null);
    }

    private InboundMessage fromDirectMessage(DirectMessage dm, Map<Long, Author> authors) {
        String senderId = Long.toString(dm.getSenderId());
        // A sender users/lookup did not return (suspended, deleted) keeps an unknown handle, never the id.
        Author author = authors.getOrDefault(dm.getSenderId(), new Author(senderId, null, null));
        return new InboundMessage(accountKey, Network.X, Long.toString(dm.getId()), MessageKind.DIRECT_MESSAGE, author,
                Long.toString(dm.getRecipientId()), dm.getText(), null, toInstant(dm.getCreatedAt()));
    }

    /** DM events carry only user ids: look the senders up (100 at a time) for their handles and names. */
    private Map<Long, Author> lookUpAuthors(Set<Long> userIds) {
        Map<Long, Author> authors = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>(userIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            long[] batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH)).stream()
                    .mapToLong(Long::longValue).toArray();
            ResponseList<User> users = call("look up users", ApiCall.USER_LOOKUP, () -> twitter.users().lookupUsers(batch));
            users.forEach(user -> authors.put(user.getId(),
                    new Author(Long.toString(user.getId()), user.getScreenName(), user.getName())));
        }
        return authors;
    }

    /** Twitter4J returns LocalDateTime in the JVM's zone; Signet stores instants. */
    private static Instant toInstant(LocalDateTime createdAt) {
        return createdAt == null ? Instant.now() : createdAt.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static String withTrailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private <T> T call(String what, ApiCall apiCall, XCall<T> call) {
        try {
            T result = call.run();
            if (result instanceof TwitterResponse response) {
                RateLimitStatus limit = readable(response::getRateLimitStatus);
                if (limit != null) {
                    budget.observed(accountKey, apiCall, limit.getLimit(), limit.getRemaining(),
                            Instant.ofEpochSecond(limit.getResetTimeInSeconds()));
                }
            }
            return result;
        } catch (TwitterException e) {
            if (e.getStatusCode() == 429 || e.exceededRateLimitation()) {
                RateLimitStatus limit = readable(e::getRateLimitStatus);
                Instant reset = limit == null ? null : Instant.ofEpochSecond(limit.getResetTimeInSeconds());
                // No reset, or one long past (Twitter4J reads it as an int: a reset in milliseconds wraps around):
                // wait one whole window, X's longest.
                Instant resetAt = reset != null && reset.isAfter(Instant.now().minus(STALE_RESET)) ? reset
                        : Instant.now().plus(ApiCall.WINDOW);
                budget.exhausted(accountKey, apiCall, resetAt);
                LOG.warnf("x rate limit reached: account=%s call=%s resetAt=%s", accountKey, what, resetAt);
                throw new RateLimitedException("X rate limit reached for " + what + "; waiting until " + resetAt, resetAt, e);
            }
            boolean retryable = e.isCausedByNetworkIssue() || e.exceededRateLimitation() || e.getStatusCode() >= 500;
            String reason = e.isCausedByNetworkIssue()
                    ? "network error: " + XFailureCause.describe(e)
                    : "HTTP " + e.getStatusCode() + " code " + e.getErrorCode()
                            + (e.isErrorMessageAvailable() ? " " + e.getErrorMessage() : "");
            LOG.warnf("x call failed: account=%s call=%s retryable=%s reason=%s", accountKey, what, retryable, reason);
            throw new ChannelException("X could not " + what + ": " + reason, retryable, e);
        }
    }

    /**
     * Twitter4J parses the rate-limit headers when asked, with {@code Integer.parseInt}: non-numeric values throw.
     * Those headers then say nothing, as if absent.
     */
    private RateLimitStatus readable(Supplier<RateLimitStatus> status) {
        try {
            return status.get();
        } catch (NumberFormatException e) {
            LOG.warnf("unreadable rate-limit headers: account=%s reason=%s", accountKey, e.getMessage());
            return null;
        }
    }

    @FunctionalInterface
    private interface XCall<T> {
        T run() throws TwitterException;
    }
}
