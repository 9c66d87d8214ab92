package dev.signet.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * The sentence encoders and the shipped head, loaded once per application (a few seconds, ~150 MB native memory)
 * on first use. The shipped head ({@code sentiment/head.bin}) was trained by {@code ./mvnw -Ptrain-sentiment}
 * on SemEval-2017 Task 4 tweets only; its version names it by the first bytes of its SHA-256.
 */
@Singleton
public class SentimentModels {

    static final String HEAD_RESOURCE = "sentiment/head.bin";
    private static final Logger LOG = Logger.getLogger(SentimentModels.class);

    private final SentimentConfig config;
    private final Object lock = new Object();
    private volatile SentenceEmbeddings embeddings;
    private volatile ShippedHead shipped;

    /** The shipped head and its version label. */
    public record ShippedHead(SentimentHead head, String version) {
    }

    public SentimentModels(SentimentConfig config) {
        this.config = config;
    }

    public SentenceEmbeddings embeddings() {
        SentenceEmbeddings loaded = embeddings;
        if (loaded == null) {
            synchronized (lock) {
                if (embeddings == null) {
                    long start = System.nanoTime();
                    embeddings = SentenceEmbeddings.load(config.encoderThreads(), config.microBatch());
                    LOG.infof("sentiment encoders loaded ms=%d", (System.nanoTime() - start) / 1_000_000);
                }
                loaded = embeddings;
            }
        }
        return loaded;
    }

    public ShippedHead shipped() {
        ShippedHead loaded = shipped;
        if (loaded == null) {
            synchronized (lock) {
                if (shipped == null) {
                    shipped = readShipped();
                }
                loaded = shipped;
            }
        }
        return loaded;
    }

    /** The joined embedding of a message's text. */
    public float[] features(String text) {
        return embeddings().embed(TweetText.normalize(text));
    }

    /** The joined embeddings of many messages' texts, in order: the batched path the scoring worker uses. */
    public List<float[]> features(List<String> texts) {
        return embeddings().embedAll(texts.stream().map(TweetText::normalize).toList());
    }

    @PreDestroy
    void close() {
        if (embeddings != null) {
            embeddings.close();
        }
    }

    static ShippedHead readShipped() {
        try (InputStream in = SentimentModels.class.getClassLoader().getResourceAsStream(HEAD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(HEAD_RESOURCE + " is missing: run ./mvnw -Ptrain-sentiment");
            }
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new ShippedHead(HeadCodec.fromBytes(bytes), "shipped-" + digest.substring(0, 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
