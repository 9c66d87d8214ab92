package dev.signet.sentiment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.security.AppUser;
import dev.signet.security.Role;

/**
 * Evaluates the sentiment models on a brand's own labelled file: the shipped model, the account's active version and
 * the lexicon baseline side by side ({@link EvaluationReport}). The file is read, scored and forgotten: nothing of
 * it is stored, unless the user asks to import it as the account's corrections.
 */
@ApplicationScoped
public class SentimentEvaluator {

    private static final Logger LOG = Logger.getLogger(SentimentEvaluator.class);

    private final SentimentModels models;
    private final SentimentAdaptation adaptation;
    private final SentimentCorrections corrections;
    private final SentimentConfig config;

    public SentimentEvaluator(SentimentModels models, SentimentAdaptation adaptation, SentimentCorrections corrections,
            SentimentConfig config) {
        this.models = models;
        this.adaptation = adaptation;
        this.corrections = corrections;
        this.config = config;
    }

    /** The limits an uploaded file must keep. */
    public LabelledFile.Limits limits() {
        return new LabelledFile.Limits(config.evaluationMinRows(), config.evaluationMaxRows(), config.evaluationMaxBytes());
    }

    /**
     * Reads the file (CSV or TSV), scores every text with the three models and compares them; with
     * {@code importAsCorrections}, also stores the texts as the account's corrections, after the evaluation (so the
     * figures are those of the models as they were).
     */
    public EvaluationReport evaluate(String accountKey, byte[] file, boolean importAsCorrections, AppUser user) {
        if (accountKey == null || accountKey.isBlank()) {
            throw new AccountRequiredException();
        }
        if (importAsCorrections && !(Role.LEAD.equals(user.role()) || Role.ADMIN.equals(user.role()))) {
            throw new ImportNotAllowedException();
        }
        BrandHeads.ActiveHead active = adaptation.activeHead(accountKey);
        List<LabelledFile.LabelledText> set = LabelledFile.parse(file, limits());
        long start = System.nanoTime();
        List<float[]> features = models.features(set.stream().map(LabelledFile.LabelledText::text).toList());
        SentimentModels.ShippedHead shipped = models.shipped();
        List<Sentiment> shippedLabels = features.stream()
                .map(f -> Sentiment.values()[SentimentHead.argmax(shipped.head().probabilities(f))]).toList();
        List<Sentiment> activeLabels = features.stream()
                .map(f -> Sentiment.values()[SentimentHead.argmax(active.probabilities(f))]).toList();
        List<Sentiment> lexicon = set.stream().map(t -> LexiconScorer.score(t.text()).sentiment()).toList();
        int imported = importAsCorrections ? corrections.importExamples(accountKey, set, user) : 0;
        EvaluationReport report = EvaluationReport.compare(accountKey, set, List.of(
                new EvaluationReport.Predictions("shipped model", shipped.version(), shippedLabels),
                new EvaluationReport.Predictions("account's active version", active.version(), activeLabels),
                new EvaluationReport.Predictions("lexicon baseline", "lexicon", lexicon)),
                1, config.evaluationExamples(), imported);
        LOG.infof("sentiment evaluation account=%s rows=%d activeVersion=%s activeMacroF1=%.3f imported=%d ms=%d",
                accountKey, set.size(), active.version(), report.models().get(1).macroF1(), imported,
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }
}
