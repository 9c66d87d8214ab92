package dev.signet.insight;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A {@link SentimentHead} as bytes (floats, big-endian): the shipped {@code sentiment/head.bin} and each brand
 * version's weights in the database. ~15 KB for 768 features.
 */
public final class HeadCodec {

    private static final int MAGIC = 0x53_47_48_31; // "SGH1"

    private HeadCodec() {
    }

    public static byte[] toBytes(SentimentHead head) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int d = head.dimensions();
            out.writeInt(MAGIC);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static SentimentHead fromBytes(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }

    public static SentimentHead read(InputStream stream) {
        try (DataInputStream in = new DataInputStream(stream)) {
            if (in.readInt() != MAGIC) {
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
            return new SentimentHead(mean, scale, weights, bias, shift);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sentiment head", e);
        }
    }
}
