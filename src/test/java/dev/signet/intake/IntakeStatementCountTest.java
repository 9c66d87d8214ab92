package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.EntityStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.signet.care.Conversation;
import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Intake runs the same number of queries for a batch of 10 or of 100, and loads nothing lazily (no N+1); a
 * conversation started by a batch is written once.
 */
@QuarkusTest
class IntakeStatementCountTest {

    @Inject
    IntakeService intake;
    @Inject
    TestWorld world;
    @Inject
    EntityManagerFactory emf;
    @Inject
    EntityManager em;

    @Test
    void queriesDoNotGrowWithTheBatch() {
        // Caches filled once, not per batch (the service-level policies, say), are filled before counting.
        intake.receiveAll(followUps(1));
        Counts small = countWhile(() -> intake.receiveAll(followUps(10)));
        Counts large = countWhile(() -> intake.receiveAll(followUps(100)));

        assertEquals(small.queries(), large.queries(), "queries per batch");
        assertEquals(0, small.lazyLoads(), "lazy loads (N+1)");
        assertEquals(0, large.lazyLoads(), "lazy loads (N+1)");
    }

    /**
     * Ten new customers write three messages each, interleaved, in one batch: each conversation is inserted once,
     * with the state after its third message, and never updated.
     */
    @Test
    void aConversationStartedByTheBatchIsInsertedOnceWithItsFinalState() {
        List<InboundMessage> batch = new ArrayList<>();
        List<Author> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            customers.add(world.customer("Threefold " + i));
        }
        String[] previous = new String[customers.size()];
        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < customers.size(); i++) {
                InboundMessage m = world.mention(TestWorld.AIR, customers.get(i), "@SignetTestAir part " + round + " of " + i,
                        previous[i]);
                previous[i] = m.externalId();
                batch.add(m);
            }
        }
        EntityStatistics conversations = emf.unwrap(SessionFactory.class).getStatistics()
                .getEntityStatistics(Conversation.class.getName());
        long inserts = conversations.getInsertCount();
        long updates = conversations.getUpdateCount();

        List<IntakeResult> results = intake.receiveAll(batch);

        assertTrue(results.stream().allMatch(r -> r == IntakeResult.STORED), results.toString());
        assertEquals(10, conversations.getInsertCount() - inserts, "conversations inserted");
        assertEquals(0, conversations.getUpdateCount() - updates, "conversations updated");
        for (int i = 0; i < customers.size(); i++) {
            String lastId = previous[i];
            int customer = i;
            QuarkusTransaction.requiringNew().run(() -> {
                Conversation c = em.createQuery("select m.conversation from Message m where m.externalId = :id",
                        Conversation.class).setParameter("id", lastId).getSingleResult();
                assertEquals("@SignetTestAir part 3 of " + customer, c.lastPreview());
                assertEquals(3L, em.createQuery("select count(m) from Message m where m.conversation = :c", Long.class)
                        .setParameter("c", c).getSingleResult(), "messages of customer " + customer);
            });
        }
    }

    /**
     * New customers reply to posts of earlier customers (who are not in the measured batch), so every message
     * joins an existing conversation whose customer intake has not loaded yet: the case that would run a query
     * per message if threading read a lazy association.
     */
    private List<InboundMessage> followUps(int count) {
        List<InboundMessage> firsts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            firsts.add(world.mention(TestWorld.AIR, world.customer("Earlier " + i), "@SignetTestAir first", null));
        }
        intake.receiveAll(firsts);
        List<InboundMessage> replies = new ArrayList<>();
        for (InboundMessage first : firsts) {
            Author bystander = world.customer("Bystander");
            replies.add(world.mention(TestWorld.AIR, bystander, "@SignetTestAir same here", first.externalId()));
        }
        return replies;
    }

    private Counts countWhile(Runnable work) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long queries = statistics.getQueryExecutionCount();
        long fetches = statistics.getEntityFetchCount() + statistics.getCollectionFetchCount();
        work.run();
        return new Counts(statistics.getQueryExecutionCount() - queries,
                statistics.getEntityFetchCount() + statistics.getCollectionFetchCount() - fetches);
    }

    private record Counts(long queries, long lazyLoads) {
    }
}
