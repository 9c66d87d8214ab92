package dev.signet.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The logic of the fake X API v2, over the same users, posts and DMs as v1.1: mentions and DM events paged with
 * opaque {@code next_token}s, posting with X's self-serve reply rule, sending DMs. {@link SandboxXV2Routes} turns
 * HTTP into calls of this class.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxXV2Service {

    static final int MENTIONS_DEFAULT = 10;
    static final int MENTIONS_MIN = 5;
    static final int MENTIONS_MAX = 100;
    static final int DM_DEFAULT = 100;
    static final int DM_MIN = 1;
    static final int DM_MAX = 100;
    /** A reply chain longer than this is cut when looking for its first post (a guard, not an X rule). */
    private static final int MAX_CHAIN_DEPTH = 100;
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

    /** The query of {@code GET /2/users/{id}/mentions}, as sent (ids and tokens unparsed). */
    public record MentionsQuery(Integer maxResults, String sinceId, String untilId, String paginationToken,
            Set<String> tweetFields, Set<String> expansions) {
    }

    private final SandboxService sandbox;
    private final SandboxUserRepository users;
    private final SandboxTweetRepository tweets;
    private final SandboxMentionRepository mentions;
    private final SandboxDirectMessageRepository directMessages;
    private final XJsonV2 json;

    public SandboxXV2Service(SandboxService sandbox, SandboxUserRepository users, SandboxTweetRepository tweets,
            SandboxMentionRepository mentions, SandboxDirectMessageRepository directMessages, XJsonV2 json) {
        this.sandbox = sandbox;
        this.users = users;
        this.tweets = tweets;
        this.mentions = mentions;
        this.directMessages = directMessages;
        this.json = json;
    }

    /**
     * {@code GET /2/users?ids=…} (1 to 100 ids): the users found in {@code data}, in the order asked; ids that name
     * no user are listed in {@code errors}, as X does for suspended or deleted accounts.
     */
    @Transactional
    public ObjectNode usersByIds(String ids) {
        if (ids == null) {
            throw XApiException.invalidParameter("The `ids` query parameter can not be empty");
        }
        List<String> asked = java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .distinct().toList();
        if (asked.isEmpty() || asked.size() > 100) {
            throw XApiException.invalidParameter("The number of values in the `ids` query parameter list ["
                    + asked.size() + "] is not between 1 and 100");
        }
        Set<Long> numeric = new LinkedHashSet<>();
        asked.forEach(id -> numeric.add(parseId("ids", id)));
        Map<Long, SandboxUser> found = users.byIds(numeric);
        ObjectNode body = json.object();
        ArrayNode data = json.object().arrayNode();
        ArrayNode errors = json.object().arrayNode();
        for (Long id : numeric) {
            SandboxUser user = found.get(id);
            if (user != null) {
                data.add(json.user(user));
            } else {
                ObjectNode error = errors.addObject();
                error.put("value", id.toString());
                error.put("detail", "Could not find user with ids: [" + id + "].");
                error.put("title", "Not Found Error");
                error.put("resource_type", "user");
                error.put("parameter", "ids");
                error.put("resource_id", id.toString());
                error.put("type", "https://api.twitter.com/2/problems/resource-not-found");
            }
        }
        if (!data.isEmpty()) {
            body.set("data", data);
        }
        if (!errors.isEmpty()) {
            body.set("errors", errors);
        }
        return body;
    }

    /** {@code GET /2/users/me}. */
    @Transactional
    public ObjectNode me(XCaller caller) {
        ObjectNode body = json.object();
        body.set("data", json.user(users.findById(caller.userId())));
        return body;
    }

    /**
     * {@code GET /2/users/{id}/mentions}: posts that mention the user or reply to theirs, never their own, newest
     * first, among the 800 most recent; {@code since_id} and {@code until_id} exclusive.
     */
    @Transactional
    public ObjectNode mentions(String userId, MentionsQuery query) {
        return timeline(userId, query, true, (user, sinceId, maxId, limit) ->
                tweets.mentionsOf(user, sinceId, maxId, limit, SandboxXService.MENTIONS_REACHABLE));
    }

    /**
     * {@code GET /2/tweets/search/recent?query=@handle}: posts mentioning the user of the last seven days, newest
     * first, in the same shape and paging as the mentions timeline ({@code since_id} and {@code until_id} exclusive,
     * {@code next_token}). The sandbox understands only {@code @handle} queries.
     */
    @Transactional
    public ObjectNode searchRecent(long mentionedUserId, MentionsQuery query, Instant now) {
        if (mentionedUserId < 0) {
            ObjectNode body = json.object();
            body.putObject("meta").put("result_count", 0);
            return body;
        }
        Instant notBefore = now.minus(SandboxXService.SEARCH_REACH);
        return timeline(Long.toString(mentionedUserId), query, true, (user, sinceId, maxId, limit) ->
                tweets.searchMentionsOf(user, sinceId, maxId, limit, notBefore));
    }

    /**
     * {@code GET /2/users/{id}/tweets}: the user's own posts (replies included), newest first; {@code since_id} and
     * {@code until_id} exclusive; paged with {@code next_token}. The same query parameters as mentions.
     */
    @Transactional
    public ObjectNode tweetsBy(String userId, MentionsQuery query) {
        return timeline(userId, query, false, tweets::postedBy);
    }

    /**
     * One page of a user's timeline in v2's shape ({@code data}, {@code includes.users} when authors may be
     * expanded, {@code meta} with {@code next_token}): the paging both timeline endpoints share.
     */
    private ObjectNode timeline(String userId, MentionsQuery query, boolean authorsExpandable, TimelineQuery find) {
        int size = bounded("max_results", query.maxResults(), MENTIONS_DEFAULT, MENTIONS_MIN, MENTIONS_MAX);
        SandboxUser user = users.findByIdOptional(parseId("id", userId))
                .orElseThrow(() -> XApiException.resourceNotFound("Could not find user with id: [" + userId + "]."));
        long sinceId = query.sinceId() == null ? 0 : parseId("since_id", query.sinceId());
        long maxId = Long.MAX_VALUE;
        if (query.untilId() != null) {
            maxId = parseId("until_id", query.untilId()) - 1;
        }
        if (query.paginationToken() != null) {
            maxId = Math.min(maxId, PaginationToken.decode(query.paginationToken()));
        }
        List<SandboxTweet> found = find.find(user.getId(), sinceId, maxId, size + 1);
        List<SandboxTweet> page = found.subList(0, Math.min(size, found.size()));
        boolean expandAuthors = authorsExpandable && query.expansions().contains("author_id");
        Map<Long, Long> conversationIds = query.tweetFields().contains("conversation_id")
                ? conversationIds(page)
                : Map.of();

        ObjectNode body = json.object();
        if (!page.isEmpty()) {
            ArrayNode data = body.putArray("data");
            page.forEach(tweet -> data.add(json.tweet(tweet, query.tweetFields(), expandAuthors,
                    conversationIds.getOrDefault(tweet.getId(), tweet.getId()))));
            if (expandAuthors) {
                Set<Long> authorIds = new LinkedHashSet<>();
                page.forEach(tweet -> authorIds.add(tweet.getAuthorId()));
                Map<Long, SandboxUser> authors = users.byIds(authorIds);
                ArrayNode included = body.putObject("includes").putArray("users");
                authorIds.forEach(id -> included.add(json.user(authors.get(id))));
            }
        }
        ObjectNode meta = body.putObject("meta");
        if (!page.isEmpty()) {
            meta.put("newest_id", Long.toString(page.get(0).getId()));
            meta.put("oldest_id", Long.toString(page.get(page.size() - 1).getId()));
        }
        meta.put("result_count", page.size());
        if (found.size() > size) {
            meta.put("next_token", PaginationToken.encode(found.get(size).getId()));
        }
        return body;
    }

    /** Which posts a timeline holds: newest first, ids in (sinceId, maxId], at most {@code limit}. */
    @FunctionalInterface
    private interface TimelineQuery {
        List<SandboxTweet> find(long userId, long sinceId, long maxId, int limit);
    }

    /**
     * {@code GET /2/dm_events}: the caller's DM events of the last 30 days, sent and received, newest first. Only
     * {@code MessageCreate} events exist in the sandbox.
     */
    @Transactional
    public ObjectNode directMessageEvents(XCaller caller, Integer maxResults, String paginationToken,
            Set<String> eventTypes, Set<String> expansions, Instant now) {
        int size = bounded("max_results", maxResults, DM_DEFAULT, DM_MIN, DM_MAX);
        long maxId = paginationToken == null ? Long.MAX_VALUE : PaginationToken.decode(paginationToken);
        List<SandboxDirectMessage> found = eventTypes.isEmpty() || eventTypes.contains("MessageCreate")
                ? directMessages.latestOf(caller.userId(), SandboxService.directMessageHorizon(now), maxId, size + 1)
                : List.of();
        return eventPage(found, size, expansions);
    }

    /**
     * {@code GET /2/dm_conversations/with/{participant_id}/dm_events}: the DM events of the caller's one-to-one
     * conversation with that user, of the last 30 days, sent and received, newest first.
     */
    @Transactional
    public ObjectNode conversationEvents(XCaller caller, String participantId, Integer maxResults,
            String paginationToken, Set<String> eventTypes, Set<String> expansions, Instant now) {
        long participant = parseId("participant_id", participantId);
        int size = bounded("max_results", maxResults, DM_DEFAULT, DM_MIN, DM_MAX);
        long maxId = paginationToken == null ? Long.MAX_VALUE : PaginationToken.decode(paginationToken);
        List<SandboxDirectMessage> found = eventTypes.isEmpty() || eventTypes.contains("MessageCreate")
                ? directMessages.latestBetween(caller.userId(), participant, SandboxService.directMessageHorizon(now),
                        maxId, size + 1)
                : List.of();
        return eventPage(found, size, expansions);
    }

    private ObjectNode eventPage(List<SandboxDirectMessage> found, int size, Set<String> expansions) {
        List<SandboxDirectMessage> page = found.subList(0, Math.min(size, found.size()));

        ObjectNode body = json.object();
        if (!page.isEmpty()) {
            ArrayNode data = body.putArray("data");
            page.forEach(message -> data.add(json.directMessageEvent(message)));
            if (expansions.contains("sender_id")) {
                Set<Long> senderIds = new LinkedHashSet<>();
                page.forEach(message -> senderIds.add(message.getSenderId()));
                Map<Long, SandboxUser> senders = users.byIds(senderIds);
                ArrayNode included = body.putObject("includes").putArray("users");
                senderIds.forEach(id -> included.add(json.user(senders.get(id))));
            }
        }
        ObjectNode meta = body.putObject("meta");
        meta.put("result_count", page.size());
        if (found.size() > size) {
            meta.put("next_token", PaginationToken.encode(found.get(size).getId()));
        }
        return body;
    }

    /**
     * {@code POST /2/tweets}. A reply is threaded (v2 fills in the reply metadata) and allowed only when the post
     * answered mentions the caller or is the caller's own: X's self-serve rule since 2026-02-23. Quotes are not
     * modelled in the sandbox.
     */
    @Transactional
    public ObjectNode createTweet(XCaller caller, String text, String inReplyToTweetId) {
        if (text == null) {
            throw XApiException.invalidParameter("text: required.");
        }
        SandboxUser author = users.findById(caller.userId());
        Long inReplyTo = null;
        if (inReplyToTweetId != null) {
            inReplyTo = parseId("in_reply_to_tweet_id", inReplyToTweetId);
            SandboxTweet repliedTo = tweets.findByIdOptional(inReplyTo).orElseThrow(XApiException::noSuchStatus);
            if (!mentionsOrIsBy(repliedTo, caller.userId())) {
                throw XApiException.replyNotAllowed();
            }
        }
        SandboxTweet tweet = sandbox.publish(author, text, inReplyTo, true, null);
        ObjectNode body = json.object();
        ObjectNode data = body.putObject("data");
        data.put("id", Long.toString(tweet.getId()));
        data.put("text", tweet.getText());
        // X's OpenAPI spec (TweetCreateResponse) allows only id and text here, no edit_history_tweet_ids.
        return body;
    }

    /** {@code POST /2/dm_conversations/with/{participant_id}/messages}. */
    @Transactional
    public ObjectNode createDirectMessage(XCaller caller, String participantId, String text) {
        SandboxUser sender = users.findById(caller.userId());
        SandboxUser recipient = users.findByIdOptional(parseId("participant_id", participantId))
                .orElseThrow(XApiException::noSuchRecipient);
        SandboxDirectMessage message = sandbox.deliver(sender, recipient, text, null);
        ObjectNode body = json.object();
        ObjectNode data = body.putObject("data");
        data.put("dm_conversation_id", XJsonV2.conversationId(sender.getId(), recipient.getId()));
        data.put("dm_event_id", Long.toString(message.getId()));
        return body;
    }

    private boolean mentionsOrIsBy(SandboxTweet tweet, long userId) {
        if (tweet.getAuthorId() == userId) {
            return true;
        }
        return mentions.byTweetIds(List.of(tweet.getId())).getOrDefault(tweet.getId(), List.of()).stream()
                .anyMatch(mention -> mention.getMentionedUserId() == userId);
    }

    /** The first post of each post's reply chain, loading one level of parents per query. */
    private Map<Long, Long> conversationIds(List<SandboxTweet> page) {
        Map<Long, Long> parentOf = new HashMap<>();
        Set<Long> toLoad = new HashSet<>();
        for (SandboxTweet tweet : page) {
            if (tweet.isReply()) {
                parentOf.put(tweet.getId(), tweet.getInReplyToStatusId());
                toLoad.add(tweet.getInReplyToStatusId());
            }
        }
        for (int depth = 0; depth < MAX_CHAIN_DEPTH && !toLoad.isEmpty(); depth++) {
            Set<Long> next = new HashSet<>();
            for (SandboxTweet parent : tweets.byIds(new ArrayList<>(toLoad))) {
                if (parent.isReply() && !parentOf.containsKey(parent.getId())) {
                    parentOf.put(parent.getId(), parent.getInReplyToStatusId());
                    next.add(parent.getInReplyToStatusId());
                }
            }
            toLoad = next;
        }
        Map<Long, Long> roots = new HashMap<>();
        for (SandboxTweet tweet : page) {
            long root = tweet.getId();
            for (int depth = 0; depth < MAX_CHAIN_DEPTH && parentOf.containsKey(root); depth++) {
                root = parentOf.get(root);
            }
            roots.put(tweet.getId(), root);
        }
        return roots;
    }

    private static int bounded(String name, Integer requested, int defaultValue, int min, int max) {
        if (requested == null) {
            return defaultValue;
        }
        if (requested < min || requested > max) {
            throw XApiException.invalidParameter("The `" + name + "` query parameter value [" + requested
                    + "] is not between " + min + " and " + max);
        }
        return requested;
    }

    static long parseId(String name, String value) {
        String digits = value == null ? "" : value.strip();
        if (ID.matcher(digits).matches()) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw invalidId(name, value);
            }
        }
        throw invalidId(name, value);
    }

    private static XApiException invalidId(String name, String value) {
        return XApiException.invalidParameter("The `" + name + "` value [" + value + "] does not match ^[0-9]{1,19}$");
    }

    /** Opaque to clients, as X's are; here the base-36 id of the first item of the next page. */
    static final class PaginationToken {

        private PaginationToken() {
        }

        static String encode(long id) {
            return Long.toString(id, 36);
        }

        static long decode(String token) {
            try {
                return Long.parseLong(token, 36);
            } catch (NumberFormatException e) {
                throw XApiException.invalidParameter("The `pagination_token` query parameter value [" + token
                        + "] is not valid");
            }
        }
    }
}
