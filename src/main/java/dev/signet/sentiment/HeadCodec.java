package dev.signet.sentiment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A {@link SentimentHead} as bytes (floats, big-endian): the shipped {@code sentiment/head.bin} and each brand
 * version's weights in the database. ~15 KB for 768 features. Format {@code SGH1} is the head alone (the shipped
 * head, and brand versions made before corrections were kept as neighbours: still read, with an empty memory);
 * {@code SGH2} is the head followed by the brand's {@link CorrectionMemory} (~772 bytes per correction).
 */
public final class HeadCodec {

    private static final int MAGIC = 0x53_47_48_31; // "SGH1"
    private static final int MAGIC_WITH_MEMORY = 0x53_47_48_32; // "SGH2"

    /** A brand version's model: the head and the corrections it keeps as neighbours. */
    public record Model(SentimentHead head, CorrectionMemory memory) {
    }

    private HeadCodec() {
    }

    public static byte[] toBytes(SentimentHead head) {
        return toBytes(head, null);
    }

    /** The head and the memory ({@code SGH2}); a null memory writes the head alone ({@code SGH1}). */
    public static byte[] toBytes(SentimentHead head, CorrectionMemory memory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int d = head.dimensions();
            out.writeInt(memory == null ? MAGIC : MAGIC_WITH_MEMORY);
            out.writeInt(d);
            out.writeInt(SentimentHead.CLASSES);
            for (int j = 0; j < d; j++) {
                out.writeFloat(head.mean()[j]);
                out.writeFloat(head.scale()[j]);
            }
            for (int k = 0; k < SentimentHead.CLASSES; k++) {
                for (int j = 0; j < d; j++) {
                    out.writeFloat((float) head.weights()[k][j]);
                }
                out.writeFloat((float) head.bias()[k]);
                out.writeFloat((float) head.priorShift()[k]);
            }
            if (memory != null) {
                if (memory.size() > 0 && memory.dimensions() != d) {
                    throw new IllegalArgumentException("Memory of " + memory.dimensions() + " features for a head of " + d);
                }
                out.writeInt(memory.size());
                out.writeInt(d);
                out.writeInt(memory.neighbours());
                out.writeDouble(memory.halfWeightAt());
                out.writeDouble(memory.temperature());
                for (int i = 0; i < memory.size(); i++) {
                    out.writeByte(memory.labels()[i]);
                    out.writeFloat(memory.scales()[i]);
                }
                out.write(memory.vectors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The head of either format (a brand version's memory is skipped). */
    public static SentimentHead fromBytes(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }

    /** The head of either format (a brand version's memory is skipped). */
    public static SentimentHead read(InputStream stream) {
        return readModel(stream).head();
    }

    /** A brand version's model; an {@code SGH1} head comes with an empty memory. */
    public static Model modelFromBytes(byte[] bytes) {
        return readModel(new ByteArrayInputStream(bytes));
    }

    private static Model readModel(InputStream stream) {
        try (DataInputStream in = new DataInputStream(stream)) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_WITH_MEMORY) {
                throw new IllegalArgumentException("Not a sentiment head");
            }
            int d = in.readInt();
            int classes = in.readInt();
            if (classes != SentimentHead.CLASSES) {
                throw new IllegalArgumentException("Expected " + SentimentHead.CLASSES + " classes, found " + classes);
            }
            float[] mean = new float[d];
            float[] scale = new float[d];
            for (int j = 0; j < d; j++) {
                mean[j] = in.readFloat();
                scale[j] = in.readFloat();
            }
            double[][] weights = new double[classes][d];
            double[] bias = new double[classes];
            double[] shift = new double[classes];
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < d; j++) {
                    weights[k][j] = in.readFloat();
                }
                bias[k] = in.readFloat();
                shift[k] = in.readFloat();
            }
            SentimentHead head = new SentimentHead(mean, scale, weights, bias, shift);
            if (magic == MAGIC) {
                return new Model(head, CorrectionMemory.empty(d));
            }
            int size = in.readInt();
            int dimensions = in.readInt();
            if (dimensions != d || size < 0) {
                throw new IllegalArgumentException("Memory of " + dimensions + " features for a head of " + d);
            }
            int neighbours = in.readInt();
            double halfWeightAt = in.readDouble();
            double temperature = in.readDouble();
            int[] labels = new int[size];
            float[] scales = new float[size];
            for (int i = 0; i < size; i++) {
                labels[i] = in.readByte();
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException("Unknown class " + labels[i] + " in the memory");
                }
                scales[i] = in.readFloat();
            }
            byte[] vectors = new byte[size * d];
            in.readFully(vectors);
            return new Model(head, new CorrectionMemory(vectors, scales, labels, d, neighbours, halfWeightAt,
                    temperature));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sentiment head", e);
        }
    }
}
