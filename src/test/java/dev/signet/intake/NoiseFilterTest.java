package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;

class NoiseFilterTest {

    private final NoiseFilter filter = new NoiseFilter(List.of("@Spam_Bot", " deals4u "), List.of("free crypto", "giveaway"));

    @Test
    void theBrandsOwnMessagesAreNoise() {
        assertEquals(Optional.of(IntakeResult.DROPPED_OWN), filter.classify(message("100", "brand", "hello", false), "100"));
    }

    @Test
    void repostsAreNoise() {
        assertEquals(Optional.of(IntakeResult.DROPPED_REPOST), filter.classify(message("7", "ana", "RT @brand yes", true), "100"));
    }

    @Test
    void ignoredHandlesMatchWithoutAtAndCase() {
        assertEquals(Optional.of(IntakeResult.DROPPED_IGNORED_HANDLE), filter.classify(message("7", "SPAM_BOT", "hi", false), "100"));
        assertEquals(Optional.of(IntakeResult.DROPPED_IGNORED_HANDLE), filter.classify(message("8", "deals4u", "hi", false), "100"));
    }

    @Test
    void ignoredKeywordsMatchWholeWordsCaseInsensitively() {
        assertEquals(Optional.of(IntakeResult.DROPPED_IGNORED_KEYWORD),
                filter.classify(message("7", "ana", "Get FREE Crypto now!", false), "100"));
        assertEquals(Optional.of(IntakeResult.DROPPED_IGNORED_KEYWORD),
                filter.classify(message("7", "ana", "#giveaway time", false), "100"));
        assertEquals(Optional.empty(), filter.classify(message("7", "ana", "giveaways are over", false), "100"));
    }

    @Test
    void aCustomersMessageIsNotNoiseEvenBeforeTheBrandIsIdentified() {
        assertEquals(Optional.empty(), filter.classify(message("7", "ana", "my bag is lost", false), null));
    }

    private static InboundMessage message(String userId, String handle, String text, boolean repost) {
        return new InboundMessage("acct", Network.X, "1", MessageKind.MENTION, new Author(userId, handle, handle), null, text,
                null, Instant.now(), repost);
    }
}
