package dev.signet.insight;

/**
 * Whether the insights shown are generated demo history (the insights page then says so). Answered by the feature
 * that seeds it ({@code demo}), so that insight reads no demo configuration.
 */
public interface DemoInsights {

    /** True when demo history was asked for ({@code signet.demo.insights-history}, the embedded default only). */
    boolean shown();
}
