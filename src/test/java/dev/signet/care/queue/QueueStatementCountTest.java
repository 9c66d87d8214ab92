package dev.signet.care.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.signet.care.CareService;
import dev.signet.care.ConversationQueryService;
import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.intake.IntakeService;
import dev.signet.security.AppUserService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A queue page runs the same SQL statements for 5 rows or 100, and loads nothing lazily (no N+1). */
@QuarkusTest
class QueueStatementCountTest {

    @Inject
    ConversationQueryService queue;
    @Inject
    IntakeService intake;
    @Inject
    CareService care;
    @Inject
    CrmImportService crm;
    @Inject
    AppUserService users;
    @Inject
    TestWorld world;
    @Inject
    EntityManagerFactory emf;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void statementsDoNotGrowWithThePageSize() {
        // Rows of every shape: known customers with a tier, held conversations, both kinds.
        TestWorld.Login agent = world.agent();
        List<InboundMessage> mentions = new ArrayList<>();
        List<CrmRecord> records = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            Author author = world.customer("Counted " + i);
            if (i % 3 == 0) {
                records.add(new CrmRecord("crm-" + author.userId(), "Counted " + i, null, "silver", null, null,
                        author.userId(), author.handle(), null));
            }
            mentions.add(world.mention(i % 2 == 0 ? TestWorld.AIR : TestWorld.MOBILE, author, "@SignetTestAir count me", null));
        }
        crm.upsert(records, "test");
        intake.receiveAll(mentions);
        List<String> ids = mentions.stream().map(InboundMessage::externalId).toList();
        try {
            var holder = users.findByUsername(agent.username()).orElseThrow();
            QueueResult firstPage = queue.queue(new QueueFilter(null, null, 0, 100));
            for (int i = 0; i < firstPage.items().size(); i += 4) {
                if (firstPage.items().get(i).holder() == null) {
                    care.claim(firstPage.items().get(i).id(), holder);
                }
            }

            Counts small = countWhile(() -> queue.queue(new QueueFilter(null, null, 0, 5)));
            Counts large = countWhile(() -> queue.queue(new QueueFilter(null, null, 0, 100)));
            Counts filtered = countWhile(() -> queue.queue(new QueueFilter(TestWorld.AIR, null, null, null,
                    QueueFilter.Holder.MINE, holder.id(), 0, 100)));

            assertEquals(small.statements(), large.statements(), "statements per page");
            assertEquals(small.statements(), filtered.statements(), "statements per filtered page");
            assertTrue(small.statements() <= 2, "rows and a capped count: " + small.statements());
            assertEquals(0, small.lazyLoads(), "lazy loads (N+1)");
            assertEquals(0, large.lazyLoads(), "lazy loads (N+1)");
        } finally {
            // Leave the shared queue as short as it was: other tests look for their conversation on its first page.
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                    update Conversation c set c.status = dev.signet.care.ConversationStatus.RESOLVED, c.queueKey = null
                    where c.id in (select m.conversation.id from Message m where m.externalId in :ids)""")
                    .setParameter("ids", ids).executeUpdate());
        }
    }

    private Counts countWhile(Runnable work) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long statements = statistics.getPrepareStatementCount();
        long fetches = statistics.getEntityFetchCount() + statistics.getCollectionFetchCount();
        work.run();
        return new Counts(statistics.getPrepareStatementCount() - statements,
                statistics.getEntityFetchCount() + statistics.getCollectionFetchCount() - fetches);
    }

    private record Counts(long statements, long lazyLoads) {
    }
}
