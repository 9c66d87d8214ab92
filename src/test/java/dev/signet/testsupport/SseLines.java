package dev.signet.testsupport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reading server-sent events in tests: the data lines a reader thread puts on a queue. */
public final class SseLines {

    private SseLines() {
    }

    /** The next data line containing every part, waiting up to {@code seconds} in all; null if none came. */
    public static String next(BlockingQueue<String> data, int seconds, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = data.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            boolean all = true;
            for (String part : parts) {
                all &= line.contains(part);
            }
            if (all) {
                return line;
            }
        }
        return null;
    }
}
