package dev.signet.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * The frozen sentence encoders the sentiment head reads: all-MiniLM-L6-v2 and bge-small-en-v1.5 (both quantized,
 * shipped inside langchain4j's jars, so nothing is downloaded at run time), each giving a normalized 384-d
 * vector; the two are joined into one {@value #DIMENSIONS}-d feature vector.
 * <p>
 * Each ONNX session uses one intra-op thread: parallelism comes from worker threads (the library default of one
 * thread per core halves throughput on a 2-core machine when several workers run). {@link #embedAll} is the fast
 * path the scoring worker uses: each text is tokenized once, texts of similar length are run together (padded to
 * the longest, with an attention mask) in micro-batches of {@value #MICRO_BATCH}, and the micro-batches are shared
 * by this instance's own worker threads. With micro-batches of one text it gives exactly the vectors of
 * {@link #embed} (langchain4j's one-text path); with larger ones they differ slightly, because the quantized
 * encoders scale their int8 activations per tensor, i.e. per micro-batch (≤ 0.05 per dimension; see docs/sentiment.md).
 * Loading takes a few seconds and ~150 MB of native memory, so the application holds one instance
 * ({@link SentimentModels}). Thread-safe.
 */
public final class SentenceEmbeddings implements AutoCloseable {

    public static final int DIMENSIONS = 768;
    /** Texts run together in one ONNX call by default (on 2 loaded cores 4 was fastest among 1, 4, 8 and 16). */
    static final int MICRO_BATCH = 4;
    /** BERT's limit with [CLS] and [SEP]; longer texts take langchain4j's path, which averages 510-token parts. */
    private static final int MAX_TOKENS = 512;

    private final OrtSession miniLmSession;
    private final OrtSession bgeSession;
    private final Encoder miniLm;
    private final Encoder bge;
    private final BatchEncoder miniLmBatch;
    private final BatchEncoder bgeBatch;
    private final int threads;
    private final int microBatch;
    private final ExecutorService workers;

    private SentenceEmbeddings(OrtSession miniLmSession, OrtSession bgeSession, Encoder miniLm, Encoder bge,
            BatchEncoder miniLmBatch, BatchEncoder bgeBatch, int threads, int microBatch) {
        this.miniLmSession = miniLmSession;
        this.bgeSession = bgeSession;
        this.miniLm = miniLm;
        this.bge = bge;
        this.miniLmBatch = miniLmBatch;
        this.bgeBatch = bgeBatch;
        this.threads = threads;
        this.microBatch = microBatch;
        this.workers = threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sentiment-encoder");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Loads both models from the classpath; {@link #embedAll} runs on 2 worker threads. */
    public static SentenceEmbeddings load() {
        return load(2);
    }

    /** Loads both models from the classpath; {@link #embedAll} runs on {@code threads} worker threads. */
    public static SentenceEmbeddings load(int threads) {
        return load(threads, MICRO_BATCH);
    }

    /** As {@link #load(int)}, with {@code microBatch} texts per ONNX call (1: identical to {@link #embed}). */
    public static SentenceEmbeddings load(int threads, int microBatch) {
        if (threads < 1 || microBatch < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession miniLmSession = session(environment, "all-minilm-l6-v2-q.onnx");
        OrtSession bgeSession = session(environment, "bge-small-en-v1.5-q.onnx");
        return new SentenceEmbeddings(miniLmSession, bgeSession,
                new Encoder(new OnnxBertBiEncoder(environment, miniLmSession, resource("all-minilm-l6-v2-q-tokenizer.json"),
                        PoolingMode.MEAN)),
                new Encoder(new OnnxBertBiEncoder(environment, bgeSession, resource("bge-small-en-v1.5-q-tokenizer.json"),
                        PoolingMode.CLS)),
                new BatchEncoder(environment, miniLmSession, tokenizer("all-minilm-l6-v2-q-tokenizer.json"), true),
                new BatchEncoder(environment, bgeSession, tokenizer("bge-small-en-v1.5-q-tokenizer.json"), false),
                threads, microBatch);
    }

    /**
     * The joined feature vectors of many texts (already {@link TweetText#normalize normalized}), in order: the
     * batched path, on this instance's worker threads.
     */
    public List<float[]> embedAll(List<String> texts) {
        List<String> inputs = texts.stream().map(t -> t.isBlank() ? "." : t).toList();
        Encoding[] miniLmTokens = miniLmBatch.tokenize(inputs);
        Encoding[] bgeTokens = bgeBatch.tokenize(inputs);
        float[][] joined = new float[inputs.size()][];
        List<Integer> batchable = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (miniLmTokens[i].getIds().length > MAX_TOKENS || bgeTokens[i].getIds().length > MAX_TOKENS) {
                joined[i] = embed(inputs.get(i));
            } else {
                batchable.add(i);
            }
        }
        // Similar lengths together, so little of each micro-batch is padding.
        batchable.sort(Comparator.comparingInt(i -> bgeTokens[i].getIds().length));
        List<List<Integer>> micro = new ArrayList<>();
        for (int from = 0; from < batchable.size(); from += microBatch) {
            micro.add(batchable.subList(from, Math.min(batchable.size(), from + microBatch)));
        }
        Runnable[] jobs = micro.stream().<Runnable>map(indexes -> () -> {
            float[][] first = miniLmBatch.run(indexes.stream().map(i -> miniLmTokens[i]).toList());
            float[][] second = bgeBatch.run(indexes.stream().map(i -> bgeTokens[i]).toList());
            for (int b = 0; b < indexes.size(); b++) {
                joined[indexes.get(b)] = join(first[b], second[b]);
            }
        }).toArray(Runnable[]::new);
        runAll(jobs);
        return List.of(joined);
    }

    /** The joined feature vector of one text (already {@link TweetText#normalize normalized}). */
    public float[] embed(String text) {
        TextSegment segment = TextSegment.from(text.isBlank() ? "." : text);
        return join(miniLm.embed(segment).content().vector(), bge.embed(segment).content().vector());
    }

    private static float[] join(float[] first, float[] second) {
        float[] joined = new float[DIMENSIONS];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** Runs the jobs on the worker threads (or the caller's, with one thread) and waits for all of them. */
    private void runAll(Runnable[] jobs) {
        if (workers == null || jobs.length < 2) {
            for (Runnable job : jobs) {
                job.run();
            }
            return;
        }
        // Each worker takes every threads-th job: equal shares without a queue per micro-batch.
        List<Future<?>> running = IntStream.range(0, Math.min(threads, jobs.length)).<Future<?>>mapToObj(w ->
                workers.submit(() -> {
                    for (int j = w; j < jobs.length; j += threads) {
                        jobs[j].run();
                    }
                })).toList();
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        miniLmBatch.tokenizer.close();
        bgeBatch.tokenizer.close();
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

    private static HuggingFaceTokenizer tokenizer(String resource) {
        try (InputStream in = resource(resource)) {
            // As langchain4j configures it: no padding (we pad per micro-batch), no truncation.
            return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the tokenizer " + resource, e);
        }
    }

    /**
     * One encoder run on several texts at once: ids and attention mask padded to the longest text, then the same
     * pooling as langchain4j's (mean over the text's own tokens, or the [CLS] token) and L2 normalization.
     */
    private static final class BatchEncoder {

        private final OrtEnvironment environment;
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;
        private final boolean meanPooling;
        private final boolean typeIds;

        BatchEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, boolean meanPooling) {
            this.environment = environment;
            this.session = session;
            this.tokenizer = tokenizer;
            this.meanPooling = meanPooling;
            this.typeIds = session.getInputNames().contains("token_type_ids");
        }

        Encoding[] tokenize(List<String> texts) {
            Encoding[] encodings = new Encoding[texts.size()];
            for (int i = 0; i < encodings.length; i++) {
                encodings[i] = tokenizer.encode(texts.get(i), true, false);
            }
            return encodings;
        }

        float[][] run(List<Encoding> batch) {
            int rows = batch.size();
            int length = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
            long[] ids = new long[rows * length];
            long[] mask = new long[rows * length];
            for (int b = 0; b < rows; b++) {
                long[] tokenIds = batch.get(b).getIds();
                System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
                java.util.Arrays.fill(mask, b * length, b * length + tokenIds.length, 1L);
            }
            long[] shape = { rows, length };
            try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                    OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                    OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]),
                            shape)) {
                Map<String, OnnxTensor> inputs = typeIds
                        ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                        : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
                try (OrtSession.Result result = session.run(inputs)) {
                    OnnxTensor hidden = (OnnxTensor) result.get(0);
                    long[] outShape = ((TensorInfo) hidden.getInfo()).getShape();
                    int width = (int) outShape[2];
                    FloatBuffer values = hidden.getFloatBuffer();
                    float[][] pooled = new float[rows][];
                    for (int b = 0; b < rows; b++) {
                        pooled[b] = pool(values, b, length, width, batch.get(b).getIds().length);
                    }
                    return pooled;
                }
            } catch (OrtException e) {
                throw new IllegalStateException("Sentence encoder failed", e);
            }
        }

        private float[] pool(FloatBuffer values, int row, int length, int width, int tokens) {
            float[] vector = new float[width];
            int base = row * length * width;
            int used = meanPooling ? tokens : 1;
            for (int t = 0; t < used; t++) {
                int offset = base + t * width;
                for (int j = 0; j < width; j++) {
                    vector[j] += values.get(offset + j);
                }
            }
            double norm = 0;
            for (int j = 0; j < width; j++) {
                vector[j] /= used;
                norm += vector[j] * vector[j];
            }
            float inverse = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int j = 0; j < width; j++) {
                vector[j] *= inverse;
            }
            return vector;
        }
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
