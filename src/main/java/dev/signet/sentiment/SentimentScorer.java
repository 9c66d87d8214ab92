package dev.signet.sentiment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Scores inbound messages that have no score yet, off the ingest path: intake stores and queues a message, then
 * this worker (polled every {@code signet.sentiment.poll-interval} by {@link SentimentWorker}) picks a batch of
 * recent unscored ones with {@code FOR UPDATE SKIP LOCKED} — so replicas share the work and never score a message
 * twice — scores them with the account's active head and stores the scores in the same transaction.
 * <p>
 * A polled worker rather than an after-commit observer of intake: it needs no hook in intake's hot path, works the
 * same whether intake ran in this replica or another (Kafka), and scores what a crash or restart left unscored.
 * Plain JDBC (enlisted in the JTA transaction) rather than Hibernate: the poll runs twice a second on every
 * replica, and keeping it out of the ORM keeps the persistence context and Hibernate's statement statistics (which
 * tests use to prove pages have no N+1) free of background noise.
 */
@ApplicationScoped
public class SentimentScorer {

    private final AgroalDataSource dataSource;
    private final SentimentModels models;
    private final BrandHeads heads;
    private final SentimentConfig config;
    private final Clock clock;

    public SentimentScorer(AgroalDataSource dataSource, SentimentModels models, BrandHeads heads,
            SentimentConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.models = models;
        this.heads = heads;
        this.config = config;
        this.clock = clock;
    }

    /** Scores one batch in its own transaction; returns the scores, committed. */
    public List<MessageScored> scoreBatch() {
        return QuarkusTransaction.requiringNew().call(this::scoreInTransaction);
    }

    private List<MessageScored> scoreInTransaction() throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = lockUnscored(connection, now);
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Candidate> candidates = load(connection, ids);
            heads.refresh(connection);
            SentimentHead shipped = models.shipped().head();
            List<MessageScored> scored = new ArrayList<>(candidates.size());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into message_sentiment (message_id, account_key, sentiment, confidence, base_positive,
                    base_neutral, base_negative, model_version, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                // One batched encoder call for the whole batch (padded micro-batches on the encoder threads).
                List<float[]> allFeatures = models.features(candidates.stream().map(Candidate::text).toList());
                for (int i = 0; i < candidates.size(); i++) {
                    Candidate c = candidates.get(i);
                    float[] features = allFeatures.get(i);
                    BrandHeads.ActiveHead head = heads.forAccount(c.accountKey());
                    double[] p = head.probabilities(features);
                    double[] base = shipped.rawProbabilities(features);
                    int best = SentimentHead.argmax(p);
                    Sentiment sentiment = Sentiment.values()[best];
                    insert.setLong(1, c.messageId());
                    insert.setString(2, c.accountKey());
                    insert.setString(3, sentiment.name());
                    insert.setDouble(4, p[best]);
                    insert.setDouble(5, base[0]);
                    insert.setDouble(6, base[1]);
                    insert.setDouble(7, base[2]);
                    insert.setString(8, head.version());
                    insert.setTimestamp(9, Timestamp.from(now));
                    insert.addBatch();
                    scored.add(new MessageScored(c.messageId(), c.conversationId(), c.accountKey(), c.sentAt(),
                            sentiment, p[best], head.version()));
                }
                insert.executeBatch();
            }
            return scored;
        }
    }

    private List<Long> lockUnscored(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select m.id from message m
                where m.direction = 'IN' and m.stored_at > ?
                and not exists (select 1 from message_sentiment s where s.message_id = m.id)
                order by m.id
                limit ?
                for update skip locked""")) {
            select.setTimestamp(1, Timestamp.from(now.minus(config.lookback())));
            select.setInt(2, config.batchSize());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static List<Candidate> load(Connection connection, List<Long> ids) throws SQLException {
        String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("""
                select m.id, m.text, a.account_key, m.conversation_id, m.sent_at from message m
                join conversation c on c.id = m.conversation_id
                join channel_account a on a.id = c.account_id
                where m.id in (%s) order by m.id""".formatted(placeholders))) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            List<Candidate> candidates = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return candidates;
        }
    }

    private record Candidate(long messageId, String text, String accountKey, long conversationId, Instant sentAt) {
    }
}
