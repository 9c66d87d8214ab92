package dev.signet.care;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.sentiment.MessageScored;
import dev.signet.sentiment.Sentiment;
import dev.signet.intake.IntakeService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A score arriving while another transaction (intake, in normal load) changes the same conversation row: the
 * versioned row refuses the first update, and the priority is still applied — no error, no lost score.
 */
@QuarkusTest
class SentimentPriorityConflictTest {

    @Inject
    IntakeService intake;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;
    @Inject
    Event<MessageScored> scored;

    @Test
    void aScoreRacingAnotherUpdateOfTheConversationIsAppliedAfterAll() throws Exception {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Racing Flyer"),
                "@SignetTestAir the worst delay ever", null);
        intake.receive(mention);
        Object[] ids = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id, m.conversation.id from Message m where m.externalId = :id", Object[].class)
                .setParameter("id", mention.externalId()).getSingleResult());
        long messageId = (Long) ids[0];
        long conversationId = (Long) ids[1];

        // Another transaction changes the row (a new version) and commits only once the score's update waits on it.
        CountDownLatch changed = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update conversation set version = version + 1 where id = :id")
                    .setParameter("id", conversationId).executeUpdate();
            changed.countDown();
            sleep(700);
        }));
        changed.await(10, TimeUnit.SECONDS);

        scored.fire(new MessageScored(messageId, conversationId, TestWorld.AIR, mention.sentAt(), Sentiment.NEGATIVE,
                0.95, "test"));
        other.get(10, TimeUnit.SECONDS);

        Integer points = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.priorityPoints from Conversation c where c.id = :id", Integer.class)
                .setParameter("id", conversationId).getSingleResult());
        assertEquals(25, points, "the negative score counts although its first update lost the race");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the row", e);
        }
    }
}
