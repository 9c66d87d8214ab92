package dev.signet.channel.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.MessageKind;
import dev.signet.channel.QuarantineReason;

/** Reading X Activity API envelopes into messages, quarantined items, or nothing. */
class ActivityEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReceivedDirectMessageBecomesAMessageForTheBrand() throws Exception {
        ActivityEvent event = ActivityEvents.read("acme", json("""
                {"data":{"event_type":"dm.received","event_uuid":"u-1","filter":{"user_id":"200"},
                 "payload":{"id":"1900000000000000001","event_type":"MessageCreate","text":"my bag <b>?</b>",
                  "sender_id":"300","dm_conversation_id":"200-300","created_at":"2026-12-07T10:00:00.000Z"}},
                 "includes":{"users":[{"id":"300","username":"dora","name":"Dora"}]}}"""));
        assertTrue(event.isMessage());
        assertEquals("200", event.userId());
        assertEquals(MessageKind.DIRECT_MESSAGE, event.message().kind());
        assertEquals("1900000000000000001", event.message().externalId());
        assertEquals("dora", event.message().author().handle());
        assertEquals("200", event.message().recipientUserId());
        assertEquals("my bag <b>?</b>", event.message().text());
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), event.message().sentAt());
    }

    @Test
    void aReplyKeepsThePostItAnswersAndAnAuthorNotIncludedStaysUnknown() throws Exception {
        ActivityEvent event = ActivityEvents.read("acme", json("""
                {"data":{"event_type":"post.reply.create","filter":{"user_id":"200"},
                 "payload":{"id":"1900000000000000002","text":"@acme still broken","author_id":"301",
                  "referenced_tweets":[{"type":"replied_to","id":"1800000000000000000"}]}}}"""));
        assertEquals(MessageKind.MENTION, event.message().kind());
        assertEquals("1800000000000000000", event.message().inReplyToExternalId());
        assertNull(event.message().author().handle());
        assertNotNull(event.message().sentAt(), "the time inside the id");
    }

    @Test
    void aPayloadWithoutIdOrAuthorIsQuarantinedNotDropped() throws Exception {
        ActivityEvent noId = ActivityEvents.read("acme", json("""
                {"data":{"event_type":"dm.received","filter":{"user_id":"200"},"payload":{"text":"hi","sender_id":"3"}}}"""));
        assertFalse(noId.isMessage());
        assertEquals(QuarantineReason.MISSING_ID, noId.quarantined().reason());
        ActivityEvent noAuthor = ActivityEvents.read("acme", json("""
                {"data":{"event_type":"post.mention.create","filter":{"user_id":"200"},"payload":{"id":"5","text":"hi"}}}"""));
        assertEquals(QuarantineReason.MISSING_AUTHOR, noAuthor.quarantined().reason());
        ActivityEvent badDate = ActivityEvents.read("acme", json("""
                {"data":{"event_type":"dm.received","filter":{"user_id":"200"},
                 "payload":{"id":"5","text":"hi","sender_id":"3","created_at":"yesterday"}}}"""));
        assertEquals(QuarantineReason.BAD_DATE, badDate.quarantined().reason());
    }

    @Test
    void eventsSignetHasNoUseForCarryNothing() throws Exception {
        ActivityEvent chat = ActivityEvents.read("acme", json("""
                {"data":{"event_type":"chat.received","filter":{"user_id":"200"},"payload":{"encrypted":"…"}}}"""));
        assertFalse(chat.isMessage());
        assertNull(chat.quarantined());
        assertNull(ActivityEvents.read("acme", json("{}")).message());
    }

    private JsonNode json(String text) throws Exception {
        return json.readTree(text);
    }
}
