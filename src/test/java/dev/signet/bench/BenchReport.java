package dev.signet.bench;

import java.util.Locale;

/** Prints benchmark figures as {@code BENCH <name> <value> <unit>}, one per line, so anyone can grep them. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(String name, double value, String unit) {
        String formatted = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
        System.out.println("BENCH " + name + " " + formatted + " " + unit);
    }
}
