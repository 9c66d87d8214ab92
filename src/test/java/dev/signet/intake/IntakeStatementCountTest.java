package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;

/** Intake runs the same number of queries for a batch of 10 or of 100, and loads nothing lazily (no N+1). */
@QuarkusTest
class IntakeStatementCountTest {

    @Inject
    IntakeService intake;
    @Inject
    TestWorld world;
    @Inject
    EntityManagerFactory emf;

    @Test
    void queriesDoNotGrowWithTheBatch() {
        Counts small = countWhile(() -> intake.receiveAll(followUps(10)));
        Counts large = countWhile(() -> intake.receiveAll(followUps(100)));

        assertEquals(small.queries(), large.queries(), "queries per batch");
        assertEquals(0, small.lazyLoads(), "lazy loads (N+1)");
        assertEquals(0, large.lazyLoads(), "lazy loads (N+1)");
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
