package dev.signet.sentiment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which head scores each brand account: its active adapted version, else the shipped head. The scorer calls
 * {@link #refresh} once per batch (one small query), so an activation or rollback on any replica takes effect on
 * every replica with its next batch.
 */
@ApplicationScoped
public class BrandHeads {

    /**
     * A head ready to score, with the version label stored next to each score, and the corrections the version
     * keeps as neighbours (empty for the shipped model and for versions made before they were kept).
     */
    public record ActiveHead(long versionId, String version, SentimentHead head, CorrectionMemory memory) {

        /** The account's class probabilities: the head's, blended with the vote of similar corrections. */
        public double[] probabilities(float[] features) {
            return memory.blend(features, head.probabilities(features));
        }
    }

    private final SentimentModels models;
    private final SentimentConfig config;
    private final Map<String, ActiveHead> active = new ConcurrentHashMap<>();

    public BrandHeads(SentimentModels models, SentimentConfig config) {
        this.models = models;
        this.config = config;
    }

    /** Reloads the active versions that changed, on the scorer's connection. */
    void refresh(Connection connection) throws SQLException {
        Map<String, Long> current = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select account_key, id from sentiment_model_version where active = true");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                current.put(rs.getString(1), rs.getLong(2));
            }
        }
        active.keySet().removeIf(account -> !current.containsKey(account));
        for (Map.Entry<String, Long> entry : current.entrySet()) {
            ActiveHead loaded = active.get(entry.getKey());
            if (loaded == null || loaded.versionId() != entry.getValue()) {
                active.put(entry.getKey(), load(connection, entry.getValue()));
            }
        }
    }

    private ActiveHead load(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select label, head, prior_positive, prior_neutral, prior_negative, prior_applied
                from sentiment_model_version where id = ?""")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Sentiment model version " + id + " vanished");
                }
                double[] prior = { rs.getDouble(3), rs.getDouble(4), rs.getDouble(5) };
                return of(id, rs.getString(1), rs.getBytes(2), prior, rs.getBoolean(6), config.priorStrength());
            }
        }
    }

    /**
     * A stored version ready to score: its head and neighbours, with its label mix applied only if the
     * {@link PriorGate} kept it.
     */
    static ActiveHead of(long id, String label, byte[] bytes, double[] prior, boolean priorApplied, double strength) {
        HeadCodec.Model model = HeadCodec.modelFromBytes(bytes);
        double[] shift = priorApplied ? PriorEstimate.shift(prior, strength) : new double[SentimentHead.CLASSES];
        return new ActiveHead(id, label, model.head().withPriorShift(shift), model.memory());
    }

    /** The head for an account's messages. */
    public ActiveHead forAccount(String accountKey) {
        ActiveHead head = active.get(accountKey);
        if (head != null) {
            return head;
        }
        SentimentModels.ShippedHead shipped = models.shipped();
        return new ActiveHead(0, shipped.version(), shipped.head(), CorrectionMemory.empty(shipped.head().dimensions()));
    }
}
