package dev.signet.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationKind;

class ReplyLengthTest {

    @Test
    void publicRepliesUseXWeightedLength() {
        assertEquals(280, ReplyLength.measure("x".repeat(280), ConversationKind.PUBLIC));
        // CJK characters weigh 2, any URL 23.
        assertEquals(4, ReplyLength.measure("日本", ConversationKind.PUBLIC));
        assertEquals(23, ReplyLength.measure("https://example.com/a/very/long/path/that/is/shortened", ConversationKind.PUBLIC));
    }

    @Test
    void theSignatureCountsTowardsTheLimit() {
        String signed = Signature.sign("x".repeat(277), " ^{initials}", "MD");
        assertEquals(281, ReplyLength.measure(signed, ConversationKind.PUBLIC));
    }

    @Test
    void directMessagesCountCharactersUpToTenThousand() {
        assertEquals(10_000, ReplyLength.limit(ConversationKind.DM));
        assertEquals(2, ReplyLength.measure("日本", ConversationKind.DM));
    }
}
