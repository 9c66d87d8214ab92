package dev.signet.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A steady load on the fake X: {@code perSecond} mentions of {@code brand} for {@code seconds}, written by
 * {@code customers} customers in turn (handles {@code load_<n>}, created on first use).
 */
public record SandboxLoad(
        @NotNull(message = SandboxLoad.INVALID) String brand,
        @Min(value = 1, message = SandboxLoad.INVALID) int customers,
        @Min(value = 1, message = SandboxLoad.INVALID)
        @Max(value = SandboxLoadResource.MAX_PER_SECOND, message = SandboxLoad.INVALID) int perSecond,
        @Min(value = 1, message = SandboxLoad.INVALID)
        @Max(value = SandboxLoadResource.MAX_SECONDS, message = SandboxLoad.INVALID) int seconds) {

    /** The problem a load outside these bounds gets (text in ValidationMessages.properties). */
    static final String INVALID = "{signet.problem.invalid-load}";

    public int total() {
        return perSecond * seconds;
    }
}
