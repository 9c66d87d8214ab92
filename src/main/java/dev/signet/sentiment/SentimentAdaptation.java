package dev.signet.sentiment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import dev.signet.channel.ChannelAccountRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Adapts the sentiment model to each brand account, in the background: a new version is the shipped head
 * retrained on that account's corrections — anchored on the shipped weights by an L2 pull, which stands in for the
 * shipped training data (its texts may not ship) — plus the account's label mix estimated from its latest scored
 * traffic — applied only where it improves macro-recall on held-out corrections ({@link PriorGate}) — plus the
 * corrections themselves kept as neighbours whose vote is blended in ({@link CorrectionMemory}).
 * Each version is kept; one is active; rolling back activates an older one or none (the shipped model).
 */
@ApplicationScoped
public class SentimentAdaptation {

    private static final Logger LOG = Logger.getLogger(SentimentAdaptation.class);

    private final EntityManager em;
    private final SentimentModels models;
    private final SentimentCorrectionRepository corrections;
    private final SentimentModelVersionRepository versions;
    private final MessageSentimentRepository scores;
    private final SentimentConfig config;
    private final Clock clock;
    private final MessageTexts messages;
    private final ChannelAccountRepository accounts;
    private final AuditTrail audit;

    public SentimentAdaptation(EntityManager em, SentimentModels models, SentimentCorrectionRepository corrections,
            SentimentModelVersionRepository versions, MessageSentimentRepository scores, SentimentConfig config,
            Clock clock, MessageTexts messages, ChannelAccountRepository accounts, AuditTrail audit) {
        this.audit = audit;
        this.em = em;
        this.messages = messages;
        this.accounts = accounts;
        this.models = models;
        this.corrections = corrections;
        this.versions = versions;
        this.scores = scores;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${signet.sentiment.retrain-every:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retrainInBackground() {
        if (config.enabled()) {
            retrainDue();
        }
    }

    /** Retrains every account whose corrections changed since its latest version; returns the new versions. */
    public List<ModelVersionView> retrainDue() {
        Map<String, Long> due = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> accounts = new HashMap<>();
            for (Object[] row : corrections.countsByAccount()) {
                String account = (String) row[0];
                long count = (Long) row[1];
                java.time.Instant last = (java.time.Instant) row[2];
                boolean changed = versions.latest(account)
                        .map(v -> v.corrections() != count || v.createdAt().isBefore(last))
                        .orElse(true);
                if (changed) {
                    accounts.put(account, count);
                }
            }
            return accounts;
        });
        List<ModelVersionView> created = new ArrayList<>();
        for (String account : due.keySet()) {
            try {
                created.add(retrain(account));
            } catch (RuntimeException e) {
                // One account's failure must not stop the others; it is tried again next interval.
                LOG.errorf(e, "sentiment retrain failed account=%s", account);
            }
        }
        return created;
    }

    /** Trains and activates a new version for the account from its corrections and recent traffic. */
    public ModelVersionView retrain(String accountKey) {
        List<Pending> missing = QuarkusTransaction.requiringNew().call(() -> {
            requireAccount(accountKey);
            List<Pending> pending = new ArrayList<>();
            for (SentimentCorrection c : corrections.forAccount(accountKey)) {
                if (c.features() == null) {
                    pending.add(new Pending(c.id(), textOf(c)));
                }
            }
            return pending;
        });
        // Embeddings are computed outside any transaction (≈ 5-10 ms each) and stored once.
        Map<Long, float[]> computed = new HashMap<>();
        for (Pending p : missing) {
            computed.put(p.correctionId(), models.features(p.text()));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<float[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (SentimentCorrection c : corrections.forAccount(accountKey)) {
                float[] features = c.features();
                if (features == null) {
                    features = computed.get(c.id());
                    if (features == null) {
                        features = models.features(textOf(c));
                    }
                    c.features(features);
                }
                rows.add(features);
                labels.add(c.sentiment().ordinal());
            }
            SentimentModels.ShippedHead shipped = models.shipped();
            int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
            HeadCodec.Model model = rows.isEmpty()
                    ? new HeadCodec.Model(shipped.head(), CorrectionMemory.empty(shipped.head().dimensions()))
                    : fit(shipped.head(), rows, labelArray, config);
            List<double[]> traffic = scores.latestBaseProbabilities(accountKey, config.priorTraffic());
            double[] prior = traffic.size() >= config.priorMinTraffic()
                    ? PriorEstimate.priors(traffic)
                    : new double[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
            PriorGate.Decision gate = PriorGate.decide(rows, labelArray, prior,
                    new PriorGate.Settings(config.priorGateFolds(), config.priorGateMinHeldOut(), config.priorStrength()),
                    (r, l) -> fit(shipped.head(), r, l, config));
            int number = versions.latest(accountKey).map(SentimentModelVersion::number).orElse(0) + 1;
            String label = shipped.version() + "+" + accountKey + "-v" + number;
            SentimentModelVersion version = new SentimentModelVersion(accountKey, number, label, rows.size(),
                    traffic.size() >= config.priorMinTraffic() ? traffic.size() : 0, prior, gate,
                    HeadCodec.toBytes(model.head(), model.memory()), clock.instant());
            versions.active(accountKey).ifPresent(SentimentModelVersion::deactivate);
            em.flush();
            version.activate();
            versions.persist(version);
            LOG.infof("sentiment version trained account=%s version=%s corrections=%d traffic=%d labelMix=%s heldOut=%d "
                    + "recallWith=%s recallWithout=%s", accountKey, label, rows.size(), version.traffic(),
                    gate.applied() ? "on" : "off", gate.heldOut(), gate.recallWith(), gate.recallWithout());
            return ModelVersionView.of(version);
        });
    }

    /** The account's versions, newest first. */
    public List<ModelVersionView> versions(String accountKey) {
        return QuarkusTransaction.joiningExisting().call(
                () -> versions.forAccount(accountKey).stream().map(ModelVersionView::of).toList());
    }

    /** What scores the account's messages now: its active version, or the shipped model (404 for no account). */
    public BrandHeads.ActiveHead activeHead(String accountKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            requireAccount(accountKey);
            return versions.active(accountKey)
                    .map(v -> BrandHeads.of(v.id(), v.label(), v.head(), v.prior(), v.priorGate().applied(),
                            config.priorStrength()))
                    .orElseGet(() -> {
                        SentimentModels.ShippedHead shipped = models.shipped();
                        return new BrandHeads.ActiveHead(0, shipped.version(), shipped.head(),
                                CorrectionMemory.empty(shipped.head().dimensions()));
                    });
        });
    }

    /**
     * Activates version {@code number} of the account; 0 goes back to the shipped model. Audited: a rollback when
     * the version is older than the active one.
     */
    public List<ModelVersionView> activate(String accountKey, int number, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            requireAccount(accountKey);
            int before = versions.active(accountKey).map(SentimentModelVersion::number).orElse(0);
            SentimentModelVersion target = null;
            if (number != 0) {
                target = versions.byNumber(accountKey, number)
                        .orElseThrow(() -> new ModelVersionNotFoundException(accountKey, number));
            }
            versions.active(accountKey).ifPresent(SentimentModelVersion::deactivate);
            em.flush();
            if (target != null) {
                target.activate();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("from", before);
            detail.put("to", number);
            audit.record(actor, number < before ? AuditAction.SENTIMENT_MODEL_ROLLED_BACK : AuditAction.SENTIMENT_MODEL_ACTIVATED,
                    AuditTarget.of(AuditTarget.SENTIMENT_MODEL, accountKey), detail);
            LOG.infof("sentiment version activated account=%s number=%d", accountKey, number);
            return versions.forAccount(accountKey).stream().map(ModelVersionView::of).toList();
        });
    }

    private void requireAccount(String accountKey) {
        if (accounts.findByKey(accountKey).isEmpty()) {
            throw new BrandAccountNotFoundException(accountKey);
        }
    }

    private String messageText(long messageId) {
        String text = messages.texts(List.of(messageId)).get(messageId);
        if (text == null) {
            throw new IllegalStateException("Message " + messageId + " of a sentiment correction is gone");
        }
        return text;
    }

    /** A correction's text: its message's, or its own for an example imported from an evaluated file. */
    private String textOf(SentimentCorrection c) {
        if (c.messageId() == null) {
            return c.text();
        }
        return messageText(c.messageId());
    }

    /**
     * A version's model fitted on corrections (oldest first): the shipped head adapted with the anchored L2 pull, and
     * the newest {@code neighbour-limit} corrections kept as the neighbours' vote. The label-mix gate fits its
     * held-out trial by this same recipe.
     */
    static HeadCodec.Model fit(SentimentHead shipped, List<float[]> rows, int[] labels, SentimentConfig config) {
        int from = Math.max(0, rows.size() - config.neighbourLimit());
        CorrectionMemory memory = CorrectionMemory.of(rows.subList(from, rows.size()),
                java.util.Arrays.copyOfRange(labels, from, labels.length),
                new CorrectionMemory.Settings(config.neighbours(), config.neighbourHalfWeight(),
                        config.neighbourTemperature()));
        SentimentHead head = HeadTrainer.adapt(shipped, rows, labels,
                HeadTrainer.Settings.anchored(config.adaptAnchor(), rows.size(), config.adaptIterations(), 0.01));
        return new HeadCodec.Model(head, memory);
    }

    private record Pending(long correctionId, String text) {
    }
}
