package dev.signet.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The logic of the fake X v1.1 API: who is calling, what each endpoint answers, and the rate-limit budgets.
 * {@link SandboxXRoutes} turns HTTP into calls of this class.
 * <p>
 * The caller is identified by the consumer key and access token of its OAuth header, and its HMAC-SHA1 signature
 * is verified as X does (RFC 5849), so a client that signs wrongly fails here as it would on X.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxXService {

    static final int MENTIONS_DEFAULT_COUNT = 20;
    static final int MENTIONS_MAX_COUNT = 200;
    /** X serves only the 800 most recent mentions, whatever the paging. */
    static final int MENTIONS_REACHABLE = 800;
    static final int USER_TIMELINE_DEFAULT_COUNT = 20;
    static final int USER_TIMELINE_MAX_COUNT = 200;
    static final int DM_DEFAULT_COUNT = 20;
    static final int DM_MAX_COUNT = 50;
    static final int LOOKUP_MAX = 100;
    static final int SEARCH_DEFAULT_COUNT = 15;
    static final int SEARCH_MAX_COUNT = 100;
    /** X's recent search reaches seven days back, on v1.1 and v2 alike. */
    static final Duration SEARCH_REACH = Duration.ofDays(7);
    /** The only search the sandbox understands: {@code @handle}, the brand's mentions. */
    private static final Pattern MENTION_QUERY = Pattern.compile("\\s*@(\\w{1,50})\\s*");

    private final SandboxConfig config;
    private final SandboxService sandbox;
    private final SandboxUserRepository users;
    private final SandboxTweetRepository tweets;
    private final SandboxMentionRepository mentions;
    private final SandboxDirectMessageRepository directMessages;
    private final SandboxRateLimiter rateLimiter;
    private final XJson json;
    private final SandboxFaults faults;

    public SandboxXService(SandboxConfig config, SandboxService sandbox, SandboxUserRepository users,
            SandboxTweetRepository tweets, SandboxMentionRepository mentions,
            SandboxDirectMessageRepository directMessages, SandboxRateLimiter rateLimiter, XJson json,
            SandboxFaults faults) {
        this.config = config;
        this.sandbox = sandbox;
        this.users = users;
        this.tweets = tweets;
        this.mentions = mentions;
        this.directMessages = directMessages;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.faults = faults;
    }

    /**
     * The brand whose access token the header carries, with the configured consumer key (else X's 401, code 89),
     * provided the request is signed with the consumer secret and that brand's token secret (else X's 401, code
     * 32). Nonces and timestamps are not checked: the sandbox does not guard against replays.
     */
    @Transactional
    public XCaller authenticate(SignedRequest request) {
        OAuthHeader header = OAuthHeader.parse(request.authorization()).orElseThrow(XApiException::invalidToken);
        if (!header.consumerKey().map(config.consumerKey()::equals).orElse(false)) {
            throw XApiException.invalidToken();
        }
        String token = header.token().orElseThrow(XApiException::invalidToken);
        SandboxUser brand = users.findBrandByAccessToken(token).orElseThrow(XApiException::invalidToken);
        if (!header.signatureMethod().map("HMAC-SHA1"::equals).orElse(false)) {
            throw XApiException.couldNotAuthenticate();
        }
        List<OAuthSignature.Parameter> signed = new ArrayList<>(request.parameters());
        signed.addAll(header.signedParameters());
        String expected = OAuthSignature.sign(request.method(), request.normalizedUrl(), signed, config.consumerSecret(),
                brand.getAccessTokenSecret());
        if (!OAuthSignature.matches(expected, header.signature().orElse(null))) {
            throw XApiException.couldNotAuthenticate();
        }
        return new XCaller(brand.getId(), brand.getScreenName(), token);
    }

    /** Counts a request against the caller's budget for the endpoint. */
    public SandboxRateLimiter.Window admit(XCaller caller, XEndpoint endpoint, Instant now) {
        return rateLimiter.take(caller.rateLimitKey(), endpoint, now);
    }

    /** Whether a request over budget is refused with 429 (else it is only reported in the headers). */
    public boolean enforcesRateLimits() {
        return config.enforceRateLimits();
    }

    /** The headers of a request that was not counted: unauthenticated, or to an unknown path. */
    public SandboxRateLimiter.Window uncounted(XEndpoint endpoint, Instant now) {
        return rateLimiter.peek("", endpoint, now);
    }

    @Transactional
    public ObjectNode verifyCredentials(XCaller caller) {
        return json.user(users.findById(caller.userId()));
    }

    /**
     * Tweets that mention the caller or reply to the caller's tweets, never the caller's own, newest first.
     * {@code sinceId} is exclusive, {@code maxId} inclusive, as on X.
     */
    @Transactional
    public ArrayNode mentionsTimeline(XCaller caller, Integer count, Long sinceId, Long maxId) {
        int size = bounded(count, MENTIONS_DEFAULT_COUNT, MENTIONS_MAX_COUNT);
        List<SandboxTweet> page = tweets.mentionsOf(caller.userId(), sinceId == null ? 0 : sinceId,
                maxId == null ? Long.MAX_VALUE : maxId, size, MENTIONS_REACHABLE);
        return statuses(distorted(caller, page, sinceId, maxId));
    }

    /**
     * A user's own tweets (the caller's unless {@code user_id} or {@code screen_name} names another), newest first,
     * among their 3,200 most recent; {@code sinceId} exclusive, {@code maxId} inclusive, as on X. Replies are
     * included unless {@code excludeReplies} (X then filters after counting, so a page may come back short).
     */
    @Transactional
    public ArrayNode userTimeline(XCaller caller, Long userId, String screenName, Integer count, Long sinceId,
            Long maxId, boolean excludeReplies) {
        int size = bounded(count, USER_TIMELINE_DEFAULT_COUNT, USER_TIMELINE_MAX_COUNT);
        long authorId = caller.userId();
        if (userId != null) {
            authorId = users.findByIdOptional(userId).orElseThrow(XApiException::noSuchUser).getId();
        } else if (screenName != null && !screenName.isBlank()) {
            authorId = users.findByHandles(List.of(screenName)).stream().findFirst()
                    .orElseThrow(XApiException::noSuchUser).getId();
        }
        List<SandboxTweet> page = tweets.postedBy(authorId, sinceId == null ? 0 : sinceId,
                maxId == null ? Long.MAX_VALUE : maxId, size);
        if (excludeReplies) {
            page = page.stream().filter(tweet -> !tweet.isReply()).toList();
        }
        return statuses(page);
    }

    /**
     * {@code search/tweets.json} for {@code q=@handle}: posts mentioning the user of the last seven days, newest
     * first; {@code sinceId} exclusive, {@code maxId} inclusive; {@code search_metadata.next_results} only when more
     * remain, as on X.
     */
    @Transactional
    public ObjectNode search(String query, Integer count, Long sinceId, Long maxId, Instant now) {
        int size = bounded(count, SEARCH_DEFAULT_COUNT, SEARCH_MAX_COUNT);
        // v1.1 answers what it can't match with no statuses (a 400 would read as a rate limit to Twitter4J).
        long mentioned = mentionedUserOf(query, false);
        List<SandboxTweet> found = mentioned < 0 ? List.of()
                : tweets.searchMentionsOf(mentioned, sinceId == null ? 0 : sinceId,
                        maxId == null ? Long.MAX_VALUE : maxId, size + 1, now.minus(SEARCH_REACH));
        List<SandboxTweet> page = found.subList(0, Math.min(size, found.size()));
        ObjectNode body = json.object();
        body.set("statuses", statuses(page));
        ObjectNode meta = body.putObject("search_metadata");
        meta.put("completed_in", 0.01);
        long newest = page.isEmpty() ? 0 : page.get(0).getId();
        meta.put("max_id", newest);
        meta.put("max_id_str", Long.toString(newest));
        long since = sinceId == null ? 0 : sinceId;
        meta.put("since_id", since);
        meta.put("since_id_str", Long.toString(since));
        meta.put("query", query);
        meta.put("count", size);
        String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
        meta.put("refresh_url", "?since_id=" + newest + "&q=" + encoded + "&result_type=recent&include_entities=1");
        if (found.size() > size) {
            long below = page.get(page.size() - 1).getId() - 1;
            meta.put("next_results", "?max_id=" + below + "&q=" + encoded + "&count=" + size
                    + "&include_entities=1&result_type=recent");
        }
        return body;
    }

    /**
     * The user a {@code @handle} query names; -1 for an unknown handle (X finds nothing), and for another query
     * unless {@code strict} (then it is refused: the sandbox's search understands nothing else).
     */
    @Transactional
    public long mentionedUserOf(String query, boolean strict) {
        if (query == null || query.isBlank()) {
            throw XApiException.missingParameter("Query parameters are missing.");
        }
        Matcher matcher = MENTION_QUERY.matcher(query);
        if (!matcher.matches()) {
            if (!strict) {
                return -1;
            }
            throw XApiException.invalidParameter("The sandbox's search understands only queries of the form @handle.");
        }
        return users.findByHandle(matcher.group(1)).map(SandboxUser::getId).orElse(-1L);
    }

    /** Applies an armed page distortion (fault injection): a repeated item, or items out of order. */
    private List<SandboxTweet> distorted(XCaller caller, List<SandboxTweet> page, Long sinceId, Long maxId) {
        Optional<String> distortion = faults.takeDistortion("statuses/mentions_timeline.json");
        if (distortion.isEmpty() || page.isEmpty()) {
            return page;
        }
        List<SandboxTweet> changed = new ArrayList<>(page);
        if (SandboxFault.SHUFFLE.equals(distortion.get())) {
            Collections.reverse(changed);
            return changed;
        }
        // repeat: the item just above max_id (the last one of the previous page) comes again, on top.
        if (maxId != null) {
            tweets.mentionsOf(caller.userId(), maxId, Long.MAX_VALUE, Integer.MAX_VALUE, MENTIONS_REACHABLE).stream()
                    .reduce((newer, older) -> older)
                    .ifPresent(previous -> changed.add(0, previous));
        } else {
            changed.add(page.get(0));
        }
        return changed;
    }

    /**
     * The caller's DMs, sent and received, of the last 30 days, newest first. The cursor is the id of the first
     * event of the next page; {@code next_cursor} is present only when more events remain.
     */
    @Transactional
    public ObjectNode directMessageEvents(XCaller caller, Integer count, Long cursor, Instant now) {
        int size = bounded(count, DM_DEFAULT_COUNT, DM_MAX_COUNT);
        List<SandboxDirectMessage> found = directMessages.latestOf(caller.userId(),
                SandboxService.directMessageHorizon(now), cursor == null ? Long.MAX_VALUE : cursor, size + 1);
        ObjectNode body = json.object();
        ArrayNode events = body.putArray("events");
        found.stream().limit(size).forEach(message -> events.add(json.directMessageEvent(message)));
        if (found.size() > size) {
            body.put("next_cursor", Long.toString(found.get(size).getId()));
        }
        return body;
    }

    @Transactional
    public ObjectNode updateStatus(XCaller caller, String status, Long inReplyToStatusId,
            boolean autoPopulateReplyMetadata) {
        SandboxUser author = users.findById(caller.userId());
        SandboxTweet tweet = sandbox.publish(author, status, inReplyToStatusId, autoPopulateReplyMetadata, null);
        return (ObjectNode) statuses(List.of(tweet)).get(0);
    }

    @Transactional
    public ObjectNode newDirectMessage(XCaller caller, long recipientId, String text) {
        SandboxUser sender = users.findById(caller.userId());
        SandboxUser recipient = users.findByIdOptional(recipientId).orElseThrow(XApiException::noSuchRecipient);
        SandboxDirectMessage message = sandbox.deliver(sender, recipient, text, null);
        ObjectNode body = json.object();
        body.set("event", json.directMessageEvent(message));
        return body;
    }

    /** Users by id and/or handle, in the order asked, unknown ones left out; none at all is X's 404 (code 17). */
    @Transactional
    public ArrayNode lookupUsers(List<Long> userIds, List<String> screenNames) {
        if (userIds.size() + screenNames.size() > LOOKUP_MAX) {
            throw XApiException.invalidParameter("Too many terms specified in query.");
        }
        Map<Long, SandboxUser> found = new LinkedHashMap<>();
        Map<Long, SandboxUser> byId = users.byIds(userIds);
        userIds.stream().map(byId::get).filter(u -> u != null).forEach(u -> found.put(u.getId(), u));
        users.findByHandles(screenNames).forEach(u -> found.putIfAbsent(u.getId(), u));
        if (found.isEmpty()) {
            throw XApiException.noUserMatches();
        }
        ArrayNode body = json.array();
        found.values().forEach(u -> body.add(json.user(u)));
        return body;
    }

    /** X's rate-limit status: each known endpoint's budget for this caller, grouped by resource family. */
    public ObjectNode rateLimitStatus(XCaller caller, Collection<String> families, Instant now) {
        ObjectNode body = json.object();
        body.putObject("rate_limit_context").put("access_token", "***");
        ObjectNode resources = body.putObject("resources");
        for (XEndpoint endpoint : XEndpoint.values()) {
            if (endpoint == XEndpoint.UNKNOWN || endpoint.v2() || (!families.isEmpty() && !families.contains(endpoint.family()))) {
                continue;
            }
            SandboxRateLimiter.Window window = rateLimiter.peek(caller.rateLimitKey(), endpoint, now);
            ObjectNode family = resources.has(endpoint.family())
                    ? (ObjectNode) resources.get(endpoint.family())
                    : resources.putObject(endpoint.family());
            family.putObject(endpoint.resource())
                    .put("limit", window.limit())
                    .put("remaining", window.remaining())
                    .put("reset", window.resetEpochSecond());
        }
        return body;
    }

    /** Statuses with their users and mentions loaded in two queries, whatever the page size. */
    private ArrayNode statuses(List<SandboxTweet> page) {
        Map<Long, List<SandboxMention>> mentionsByTweet = mentions.byTweetIds(page.stream().map(SandboxTweet::getId).toList());
        Set<Long> userIds = new HashSet<>();
        for (SandboxTweet tweet : page) {
            userIds.add(tweet.getAuthorId());
            if (tweet.getInReplyToUserId() != null) {
                userIds.add(tweet.getInReplyToUserId());
            }
        }
        mentionsByTweet.values().forEach(list -> list.forEach(m -> userIds.add(m.getMentionedUserId())));
        Map<Long, SandboxUser> byId = users.byIds(new ArrayList<>(userIds));
        ArrayNode array = json.array();
        for (SandboxTweet tweet : page) {
            array.add(json.status(tweet, mentionsByTweet.getOrDefault(tweet.getId(), List.of()), byId));
        }
        return array;
    }

    private static int bounded(Integer requested, int defaultValue, int max) {
        if (requested == null) {
            return defaultValue;
        }
        return Math.max(1, Math.min(max, requested));
    }
}
