package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundHandOver;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.testsupport.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Ingest throughput on PostgreSQL, measured in one run: the full intake pipeline as the poller drives it (a
 * fetch of 200 mentions at a time handed over through the inbound channel → listener → idempotent storage,
 * identity, threading) against a raw single-row {@code INSERT … ON CONFLICT DO NOTHING} of
 * the same rows into a table shaped like {@code message}. Prints ingest.pipeline, ingest.raw_insert and
 * ingest.ratio (goal: ≥ 1.0 and ≥ 2,000 msg/s).
 * <p>
 * Measured in steady state: {@link #WARMUP} messages go through first, so the JIT has compiled the intake path (with
 * 500, C2 compilations still took ~1.5 s of the two cores during the measurement); then the tables are analyzed,
 * as autovacuum does on a live database once 50 rows + 10% have changed (a table just created has no statistics,
 * and the planner then looks a batch's ids up by scanning the whole table).
 */
@QuarkusTest
@Tag("bench")
class IngestBench {

    private static final int WARMUP = 4_000;
    private static final int MESSAGES = 5_000;
    private static final int PER_CUSTOMER = 5;

    /** What one mentions page holds (v1.1 count=200): the poller hands over a page's worth at a time. */
    private static final int FETCH = 200;

    @Inject
    InboundHandOver handOver;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void pipelineAgainstRawInsert() throws SQLException {
        runPipeline(messages(WARMUP));
        analyze();
        List<InboundMessage> batch = messages(MESSAGES);
        long start = System.nanoTime();
        runPipeline(batch);
        double pipelineSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(MESSAGES, stored(batch), "every message stored once");

        double rawSeconds = rawInsert(messages(MESSAGES));

        double pipeline = MESSAGES / pipelineSeconds;
        double raw = MESSAGES / rawSeconds;
        BenchReport.print("ingest.pipeline", Math.round(pipeline), "msg/s");
        BenchReport.print("ingest.raw_insert", Math.round(raw), "rows/s");
        BenchReport.print("ingest.ratio", pipeline / raw, "x");
    }

    /** Table statistics as autovacuum keeps them on a live database (see the class comment). */
    private void analyze() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    /** Customers writing 5 messages each, every message after the first answering the previous one. */
    private List<InboundMessage> messages(int count) {
        List<InboundMessage> messages = new ArrayList<>(count);
        Author author = null;
        String previous = null;
        for (int i = 0; i < count; i++) {
            if (i % PER_CUSTOMER == 0) {
                author = world.customer("Bench Customer");
                previous = null;
            }
            String id = world.nextId();
            messages.add(new InboundMessage(TestWorld.AIR, Network.X, id, MessageKind.MENTION, author, null,
                    "@SignetTestAir message " + i + " about my booking", previous, Instant.now()));
            previous = id;
        }
        return messages;
    }

    private void runPipeline(List<InboundMessage> messages) {
        for (int from = 0; from < messages.size(); from += FETCH) {
            handOver.deliver(messages.subList(from, Math.min(messages.size(), from + FETCH)));
        }
    }

    private long stored(List<InboundMessage> messages) {
        List<String> ids = messages.stream().map(InboundMessage::externalId).toList();
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.externalId in :ids", Long.class)
                .setParameter("ids", ids).getSingleResult());
    }

    private double rawInsert(List<InboundMessage> messages) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_raw_message");
                ddl.execute("""
                        create table bench_raw_message (
                            id bigserial primary key, network varchar(16) not null, external_id varchar(32),
                            conversation_id bigint not null, direction varchar(8) not null, author_id varchar(32),
                            text varchar(10000) not null, in_reply_to_external_id varchar(32),
                            sent_at timestamp with time zone not null, stored_at timestamp with time zone not null,
                            unique (network, external_id))""");
            }
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into bench_raw_message (network, external_id, conversation_id, direction, author_id, text,
                        in_reply_to_external_id, sent_at, stored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (network, external_id) do nothing""")) {
                long conversation = 0;
                for (int i = 0; i < messages.size(); i++) {
                    InboundMessage m = messages.get(i);
                    if (i % PER_CUSTOMER == 0) {
                        conversation++;
                    }
                    insert.setString(1, m.network().name());
                    insert.setString(2, m.externalId());
                    insert.setLong(3, conversation);
                    insert.setString(4, "IN");
                    insert.setString(5, m.author().userId());
                    insert.setString(6, m.text());
                    insert.setString(7, m.inReplyToExternalId());
                    insert.setTimestamp(8, Timestamp.from(m.sentAt()));
                    insert.setTimestamp(9, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table bench_raw_message");
            }
            return seconds;
        }
    }
}
