package dev.signet.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * The frozen sentence encoders the sentiment head reads: all-MiniLM-L6-v2 and bge-small-en-v1.5 (both quantized,
 * shipped inside langchain4j's jars, so nothing is downloaded at run time), each giving a normalized 384-d
 * vector; the two are joined into one {@value #DIMENSIONS}-d feature vector.
 * <p>
 * Each ONNX session uses one intra-op thread: callers get parallelism from their own worker threads (the library
 * default of one thread per core halves throughput on a 2-core machine when several workers run). Loading takes
 * a few seconds and ~150 MB of native memory, so the application holds one instance ({@link SentimentModels}).
 * Thread-safe.
 */
public final class SentenceEmbeddings implements AutoCloseable {

    public static final int DIMENSIONS = 768;

    private final OrtSession miniLmSession;
    private final OrtSession bgeSession;
    private final Encoder miniLm;
    private final Encoder bge;

    private SentenceEmbeddings(OrtSession miniLmSession, OrtSession bgeSession, Encoder miniLm, Encoder bge) {
        this.miniLmSession = miniLmSession;
        this.bgeSession = bgeSession;
        this.miniLm = miniLm;
        this.bge = bge;
    }

    /** Loads both models from the classpath. */
    public static SentenceEmbeddings load() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession miniLmSession = session(environment, "all-minilm-l6-v2-q.onnx");
        OrtSession bgeSession = session(environment, "bge-small-en-v1.5-q.onnx");
        return new SentenceEmbeddings(miniLmSession, bgeSession,
                new Encoder(new OnnxBertBiEncoder(environment, miniLmSession, resource("all-minilm-l6-v2-q-tokenizer.json"),
                        PoolingMode.MEAN)),
                new Encoder(new OnnxBertBiEncoder(environment, bgeSession, resource("bge-small-en-v1.5-q-tokenizer.json"),
                        PoolingMode.CLS)));
    }

    /** The joined feature vector of one text (already {@link TweetText#normalize normalized}). */
    public float[] embed(String text) {
        TextSegment segment = TextSegment.from(text.isBlank() ? "." : text);
        float[] first = miniLm.embed(segment).content().vector();
        float[] second = bge.embed(segment).content().vector();
        float[] joined = new float[DIMENSIONS];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    @Override
    public void close() {
        try {
            miniLmSession.close();
            bgeSession.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not close the ONNX sessions", e);
        }
    }

    private static OrtSession session(OrtEnvironment environment, String resource) {
        try (InputStream in = resource(resource)) {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(in.readAllBytes(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the model " + resource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the model " + resource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbeddings.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Model resource " + name + " is not on the classpath");
        }
        return in;
    }

    /** langchain4j's in-process model over a session we configured ourselves; embeds on the caller's thread. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }
    }
}
