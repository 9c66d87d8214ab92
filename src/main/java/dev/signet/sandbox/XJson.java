package dev.signet.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Writes X v1.1's JSON shapes (user, status, DM event, errors) exactly as Twitter4J and other clients parse them:
 * {@code created_at} in X's own date format, ids both as numbers and as {@code *_str}, entity indices in code
 * points. URLs are left as typed (X would wrap them in t.co links), so {@code entities.urls} is empty.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class XJson {

    /** X's date format, e.g. "Wed Oct 10 20:19:24 +0000 2018"; clients reject ISO-8601 here. */
    static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final String SOURCE = "<a href=\"https://signet.dev/sandbox\" rel=\"nofollow\">Signet sandbox</a>";
    private static final String DEFAULT_AVATAR =
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png";

    private final ObjectMapper mapper;
    private final XText xText;

    public XJson(ObjectMapper mapper, XText xText) {
        this.mapper = mapper;
        this.xText = xText;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    public byte[] bytes(Object node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    public static String createdAt(Instant instant) {
        return CREATED_AT.format(instant);
    }

    public ObjectNode errors(int code, String message) {
        ObjectNode body = object();
        body.putArray("errors").addObject().put("code", code).put("message", message);
        return body;
    }

    public ObjectNode user(SandboxUser user) {
        ObjectNode node = object();
        node.put("id", user.getId());
        node.put("id_str", Long.toString(user.getId()));
        node.put("name", user.getName());
        node.put("screen_name", user.getScreenName());
        node.put("location", "");
        node.put("description", "");
        node.putNull("url");
        node.putObject("entities").putObject("description").putArray("urls");
        node.put("protected", false);
        node.put("followers_count", 0);
        node.put("friends_count", 0);
        node.put("listed_count", 0);
        node.put("created_at", createdAt(user.getCreatedAt()));
        node.put("favourites_count", 0);
        node.put("verified", false);
        node.put("statuses_count", 0);
        node.putNull("lang");
        node.put("profile_image_url_https", DEFAULT_AVATAR);
        node.put("default_profile", true);
        node.put("default_profile_image", true);
        return node;
    }

    /**
     * A status. {@code users} must hold the author, the replied-to user and every mentioned user.
     */
    public ObjectNode status(SandboxTweet tweet, List<SandboxMention> mentions, Map<Long, SandboxUser> users) {
        ObjectNode node = object();
        node.put("created_at", createdAt(tweet.getCreatedAt()));
        node.put("id", tweet.getId());
        node.put("id_str", Long.toString(tweet.getId()));
        node.put("full_text", tweet.getText());
        node.put("text", tweet.getText());
        node.put("truncated", false);
        node.putArray("display_text_range").add(tweet.getDisplayTextStart()).add(xText.codePointLength(tweet.getText()));
        ObjectNode entities = node.putObject("entities");
        ArrayNode hashtags = entities.putArray("hashtags");
        for (XText.Span tag : xText.hashtags(tweet.getText())) {
            ObjectNode h = hashtags.addObject();
            h.put("text", tag.value());
            h.putArray("indices").add(tag.start()).add(tag.end());
        }
        entities.putArray("symbols");
        ArrayNode userMentions = entities.putArray("user_mentions");
        for (SandboxMention mention : mentions) {
            SandboxUser mentioned = users.get(mention.getMentionedUserId());
            ObjectNode m = userMentions.addObject();
            m.put("screen_name", mentioned.getScreenName());
            m.put("name", mentioned.getName());
            m.put("id", mentioned.getId());
            m.put("id_str", Long.toString(mentioned.getId()));
            m.putArray("indices").add(mention.getStartIndex()).add(mention.getEndIndex());
        }
        entities.putArray("urls");
        node.put("source", SOURCE);
        if (tweet.isReply()) {
            SandboxUser repliedTo = users.get(tweet.getInReplyToUserId());
            node.put("in_reply_to_status_id", tweet.getInReplyToStatusId());
            node.put("in_reply_to_status_id_str", Long.toString(tweet.getInReplyToStatusId()));
            node.put("in_reply_to_user_id", repliedTo.getId());
            node.put("in_reply_to_user_id_str", Long.toString(repliedTo.getId()));
            node.put("in_reply_to_screen_name", repliedTo.getScreenName());
        } else {
            node.putNull("in_reply_to_status_id");
            node.putNull("in_reply_to_status_id_str");
            node.putNull("in_reply_to_user_id");
            node.putNull("in_reply_to_user_id_str");
            node.putNull("in_reply_to_screen_name");
        }
        node.set("user", user(users.get(tweet.getAuthorId())));
        node.putNull("geo");
        node.putNull("coordinates");
        node.putNull("place");
        node.putNull("contributors");
        node.put("is_quote_status", false);
        node.put("retweet_count", 0);
        node.put("favorite_count", 0);
        node.put("favorited", false);
        node.put("retweeted", false);
        node.put("lang", "en");
        return node;
    }

    /** A DM as an event of X's DM events API (ids and timestamps as strings, as X sends them). */
    public ObjectNode directMessageEvent(SandboxDirectMessage message) {
        ObjectNode event = object();
        event.put("type", "message_create");
        event.put("id", Long.toString(message.getId()));
        event.put("created_timestamp", Long.toString(message.getCreatedAt().toEpochMilli()));
        ObjectNode create = event.putObject("message_create");
        create.putObject("target").put("recipient_id", Long.toString(message.getRecipientId()));
        create.put("sender_id", Long.toString(message.getSenderId()));
        ObjectNode data = create.putObject("message_data");
        data.put("text", message.getText());
        ObjectNode entities = data.putObject("entities");
        entities.putArray("hashtags");
        entities.putArray("symbols");
        entities.putArray("user_mentions");
        entities.putArray("urls");
        return event;
    }
}
