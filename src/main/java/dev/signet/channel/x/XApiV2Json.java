package dev.signet.channel.x;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The JSON of X API v2 that Signet reads and writes, as records. Ids stay strings (they exceed 2^53); fields X
 * may add later are ignored; {@code created_at} stays text and is parsed where it is used.
 */
public final class XApiV2Json {

    private XApiV2Json() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String name, String username) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserResponse(User data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReferencedTweet(String type, String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tweet(String id, String text, String authorId, String createdAt, String conversationId,
            String inReplyToUserId, List<ReferencedTweet> referencedTweets) {

        /** The post this one answers, if any. */
        public String repliedToId() {
            return referenced("replied_to");
        }

        public boolean isRetweet() {
            return referenced("retweeted") != null;
        }

        private String referenced(String type) {
            if (referencedTweets == null) {
                return null;
            }
            return referencedTweets.stream().filter(r -> type.equals(r.type())).map(ReferencedTweet::id).findFirst()
                    .orElse(null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Includes(List<User> users) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Meta(String newestId, String oldestId, Integer resultCount, String nextToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TweetPage(List<Tweet> data, Includes includes, Meta meta) {
    }

    /**
     * A page of mentions or DM events as X sent it: each item stays raw JSON, read one by one, so that one item
     * Signet can't take is quarantined alone instead of failing the page.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RawPage(List<JsonNode> data, Includes includes, Meta meta) {
    }

    /** {@code GET /2/users?ids=…}: the users found (suspended or deleted ones are left out, named in errors). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsersResponse(List<User> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DmEvent(String id, String eventType, String text, String senderId, String dmConversationId,
            String createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DmEventPage(List<DmEvent> data, Includes includes, Meta meta) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reply(String inReplyToTweetId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewTweet(String text, Reply reply) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreatedTweet(String id, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreatedTweetResponse(CreatedTweet data) {
    }

    public record NewDirectMessage(String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SentDirectMessage(String dmConversationId, String dmEventId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SentDirectMessageResponse(SentDirectMessage data) {
    }
}
