package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Noise is dropped and counted per account and reason (ignore lists come from the %test configuration). */
@QuarkusTest
class IntakeNoiseTest {

    @Inject
    IntakeService intake;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void ignoredHandlesKeywordsAndRepostsAreDroppedAndCounted() {
        long handleDrops = dropped(TestWorld.MOBILE, IntakeResult.DROPPED_IGNORED_HANDLE);
        long keywordDrops = dropped(TestWorld.MOBILE, IntakeResult.DROPPED_IGNORED_KEYWORD);
        long repostDrops = dropped(TestWorld.MOBILE, IntakeResult.DROPPED_REPOST);

        InboundMessage bot = world.mention(TestWorld.MOBILE, new Author(world.nextId(), "signet_spam_bot", "Bot"), "@SignetTestMobile hi", null);
        InboundMessage spam = world.mention(TestWorld.MOBILE, world.customer("Spammer"), "@SignetTestMobile FREE CRYPTO inside", null);
        InboundMessage repost = new InboundMessage(TestWorld.MOBILE, Network.X, world.nextId(), MessageKind.MENTION,
                world.customer("Reposter"), null, "RT @SignetTestMobile great", null, Instant.now(), true);

        assertEquals(IntakeResult.DROPPED_IGNORED_HANDLE, intake.receive(bot));
        assertEquals(IntakeResult.DROPPED_IGNORED_KEYWORD, intake.receive(spam));
        assertEquals(IntakeResult.DROPPED_REPOST, intake.receive(repost));

        assertEquals(handleDrops + 1, dropped(TestWorld.MOBILE, IntakeResult.DROPPED_IGNORED_HANDLE));
        assertEquals(keywordDrops + 1, dropped(TestWorld.MOBILE, IntakeResult.DROPPED_IGNORED_KEYWORD));
        assertEquals(repostDrops + 1, dropped(TestWorld.MOBILE, IntakeResult.DROPPED_REPOST));
        for (InboundMessage message : new InboundMessage[] { bot, spam, repost }) {
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select count(m) from Message m where m.externalId = :id", Long.class)
                    .setParameter("id", message.externalId()).getSingleResult()), "noise is not stored");
        }
    }

    @Test
    void aCustomerMessageIsStillStored() {
        assertEquals(IntakeResult.STORED, intake.receive(
                world.mention(TestWorld.MOBILE, world.customer("Real Person"), "@SignetTestMobile cryptography question", null)));
    }

    private long dropped(String account, IntakeResult reason) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select coalesce(sum(d.dropped), 0) from IntakeDrop d where d.accountKey = :a and d.reason = :r", Long.class)
                .setParameter("a", account).setParameter("r", reason.name()).getSingleResult());
    }
}
