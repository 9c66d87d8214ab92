package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationQueryService;
import dev.signet.care.queue.QueueFilter;
import dev.signet.care.queue.QueueResult;
import dev.signet.testsupport.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The queue page with 100,000 open conversations on PostgreSQL: the page as the service serves it (rows with
 * account, customer and holder, reasons computed, a capped count) against the raw SQL of the same 50 rows in the
 * same run. Prints queue.p50, queue.p99, queue.raw_p50, queue.raw_p99, queue.ratio (p99 over raw p99) and
 * queue.sql_statements. Goal: p99 ≤ 10 ms and ≤ 10× raw.
 */
@QuarkusTest
@Tag("bench")
class QueueBench {

    private static final int CONVERSATIONS = 100_000;
    private static final int IDENTITIES = 10_000;
    private static final int PAGE = 50;
    private static final int WARMUP = 300;
    private static final int ITERATIONS = 2_000;

    /** The SQL of the page as Hibernate runs it, written by hand: the same joins, filter, order and limit. */
    private static final String RAW_PAGE = """
            select c.*, a.*, i.*, cu.*, u.*
            from conversation c
            join channel_account a on a.id = c.account_id
            join social_identity i on i.id = c.identity_id
            left join customer cu on cu.id = i.customer_id
            left join app_user u on u.id = c.held_by_user_id
            where c.status <> 'RESOLVED'
            order by c.queue_key asc nulls last, c.id
            offset 0 rows fetch first 51 rows only""";

    @Inject
    ConversationQueryService queue;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManagerFactory emf;
    @Inject
    TestWorld world;

    @Test
    void queuePageAgainstRawSql() throws SQLException {
        TestWorld.Login holder = world.agent();
        String run = Long.toString(System.nanoTime(), 36);
        long seedStart = System.nanoTime();
        seed(run, holder.username());
        System.out.printf("queue bench: seeded %d open conversations in %.1f s%n", CONVERSATIONS,
                (System.nanoTime() - seedStart) / 1e9);
        try {
            QueueFilter filter = new QueueFilter(null, null, 0, PAGE);
            for (int i = 0; i < WARMUP; i++) {
                queue.queue(filter);
            }
            Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
            long before = statistics.getPrepareStatementCount();
            QueueResult page = queue.queue(filter);
            long statements = statistics.getPrepareStatementCount() - before;
            assertEquals(PAGE, page.items().size());

            long[] service = new long[ITERATIONS];
            for (int i = 0; i < ITERATIONS; i++) {
                long start = System.nanoTime();
                queue.queue(filter);
                service[i] = System.nanoTime() - start;
            }
            long[] raw = rawTimes();

            double p99 = percentile(service, 99);
            double rawP99 = percentile(raw, 99);
            BenchReport.print("queue.p50", percentile(service, 50), "ms");
            BenchReport.print("queue.p99", p99, "ms");
            BenchReport.print("queue.raw_p50", percentile(raw, 50), "ms");
            BenchReport.print("queue.raw_p99", rawP99, "ms");
            BenchReport.print("queue.ratio", p99 / rawP99, "x");
            BenchReport.print("queue.sql_statements", statements, "statements");
        } finally {
            clean(run);
        }
    }

    /** 100,000 open conversations over 10,000 customers (a quarter known, with tiers), 1 in 20 held, by SQL. */
    private void seed(String run, String holderUsername) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            long account;
            try (ResultSet rs = sql.executeQuery("select id from channel_account where account_key = '" + TestWorld.AIR + "'")) {
                rs.next();
                account = rs.getLong(1);
            }
            long holder;
            try (ResultSet rs = sql.executeQuery("select id from app_user where username = '" + holderUsername + "'")) {
                rs.next();
                holder = rs.getLong(1);
            }
            sql.execute("""
                    insert into customer (id, crm_id, name, loyalty_tier, created_at)
                    select nextval('customer_seq'), 'b%1$s-' || g, 'Bench Customer ' || g,
                           (array['SILVER','GOLD','PLATINUM','NONE'])[g %% 4 + 1], now()
                    from generate_series(1, %2$d) g where g %% 4 = 0""".formatted(run, IDENTITIES));
            sql.execute("""
                    insert into social_identity (id, network, external_user_id, handle, display_name, created_at)
                    select nextval('social_identity_seq'), 'X', 'b%1$s-' || g, 'bench_' || g, 'Bench ' || g, now()
                    from generate_series(1, %2$d) g""".formatted(run, IDENTITIES));
            sql.execute("""
                    update social_identity i set customer_id = c.id, link_rule = 'CRM_USER_ID', linked_at = now()
                    from customer c where c.crm_id = i.external_user_id and i.external_user_id like 'b%s-%%'""".formatted(run));
            // Static points 0..60; the order key is the wait minus the head start (10 points an hour = 6 min a point).
            sql.execute("""
                    with ids as (
                        select id, row_number() over (order by id) as rn from social_identity
                        where external_user_id like 'b%1$s-%%')
                    insert into conversation (id, account_id, identity_id, kind, status, first_message_at, last_message_at,
                        waiting_since, last_preview, last_direction, created_at, version, priority_points, queue_key,
                        contact_count, escalated, held_by_user_id, held_until)
                    select nextval('conversation_seq'), %2$d, ids.id,
                           case when s.g %% 5 = 0 then 'DM' else 'PUBLIC' end,
                           case when s.g %% 10 = 0 then 'WAITING_ON_CUSTOMER' when s.g %% 10 = 1 then 'OPEN' else 'NEW' end,
                           now() - (s.g %% 86400) * interval '1 second', now() - (s.g %% 3600) * interval '1 second',
                           s.wait, '@AcmeAir bench message ' || s.g, 'IN', now(), 0, s.points,
                           s.wait - s.points * interval '6 minutes',
                           1 + s.g %% 3 / 2, s.g %% 50 = 0,
                           case when s.g %% 20 = 0 then %3$d end,
                           case when s.g %% 20 = 0 then now() + interval '10 minutes' end
                    from (select g, (g %% 7) * 10 as points,
                                 case when g %% 10 = 0 then null else now() - (g %% 86400) * interval '1 second' end as wait
                          from generate_series(1, %4$d) g) s
                    join ids on ids.rn = s.g %% %5$d + 1""".formatted(run, account, holder, CONVERSATIONS, IDENTITIES));
            sql.execute("analyze conversation");
            sql.execute("analyze social_identity");
            sql.execute("analyze customer");
        }
    }

    private long[] rawTimes() throws SQLException {
        long[] times = new long[ITERATIONS];
        try (Connection connection = dataSource.getConnection();
                PreparedStatement page = connection.prepareStatement(RAW_PAGE)) {
            for (int i = 0; i < WARMUP + ITERATIONS; i++) {
                long start = System.nanoTime();
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                if (rows != PAGE + 1) {
                    throw new IllegalStateException("raw page returned " + rows + " rows");
                }
                if (i >= WARMUP) {
                    times[i - WARMUP] = System.nanoTime() - start;
                }
            }
        }
        return times;
    }

    private void clean(String run) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("""
                    delete from conversation where identity_id in
                        (select id from social_identity where external_user_id like 'b%s-%%')""".formatted(run));
            sql.execute("delete from social_identity where external_user_id like 'b%s-%%'".formatted(run));
            sql.execute("delete from customer where crm_id like 'b%s-%%'".formatted(run));
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 10_000.0) / 100.0;
    }
}
