package dev.signet.sandbox;

/**
 * A steady load on the fake X: {@code perSecond} mentions of {@code brand} for {@code seconds}, written by
 * {@code customers} customers in turn (handles {@code load_<n>}, created on first use).
 */
public record SandboxLoad(String brand, int customers, int perSecond, int seconds) {

    public int total() {
        return perSecond * seconds;
    }
}
