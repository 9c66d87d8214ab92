package dev.signet.sentiment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Embeds many texts on a few worker threads (one ONNX intra-op thread each), optionally cached under target/. */
public final class Embedder {

    private Embedder() {
    }

    /** Normalizes and embeds every text, in order, on {@code threads} workers. */
    public static List<float[]> embedAll(SentenceEmbeddings embeddings, List<String> texts, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> futures = new ArrayList<>(texts.size());
            for (String text : texts) {
                futures.add(pool.submit(() -> embeddings.embed(TweetText.normalize(text))));
            }
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (Future<float[]> f : futures) {
                vectors.add(f.get());
            }
            return vectors;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** As {@link #embedAll}, reusing {@code cache} when it holds as many vectors as there are texts. */
    public static List<float[]> embedAllCached(SentenceEmbeddings embeddings, List<String> texts, int threads,
            Path cache) {
        try {
            if (Files.exists(cache)) {
                try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                    int n = in.readInt();
                    int d = in.readInt();
                    if (n == texts.size()) {
                        List<float[]> vectors = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            float[] v = new float[d];
                            for (int j = 0; j < d; j++) {
                                v[j] = in.readFloat();
                            }
                            vectors.add(v);
                        }
                        return vectors;
                    }
                }
            }
            List<float[]> vectors = embedAll(embeddings, texts, threads);
            Files.createDirectories(cache.getParent());
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
                out.writeInt(vectors.size());
                out.writeInt(vectors.get(0).length);
                for (float[] v : vectors) {
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
