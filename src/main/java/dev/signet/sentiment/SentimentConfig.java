package dev.signet.sentiment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sentiment scoring of customers' messages and its adaptation to each brand account. */
@ConfigMapping(prefix = "signet.sentiment")
public interface SentimentConfig {

    /** Score inbound messages at all (off: no model is loaded and messages stay unscored). */
    @WithDefault("true")
    boolean enabled();

    /** How often the scoring worker looks for unscored inbound messages (a score follows within about this). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** At most this many messages are scored in one transaction. */
    @WithDefault("32")
    int batchSize();

    /** Only messages stored this recently are looked for (bounds the worker's query; older ones stay unscored). */
    @WithDefault("24h")
    Duration lookback();

    /**
     * How often the background retrainer looks for accounts with new corrections (a duration such as {@code 30s};
     * {@code off} disables it: versions are then made only through the API).
     */
    @WithDefault("30s")
    String retrainEvery();

    /** The label mix of an account is estimated from its latest this many scored messages. */
    @WithDefault("2000")
    int priorTraffic();

    /** No label mix is estimated from fewer scored messages than this (the shipped, uniform one is kept). */
    @WithDefault("200")
    int priorMinTraffic();

    /** How far the estimated label mix moves the scores: 0 ignores it, 1 is the full Bayes correction. */
    @WithDefault("1.0")
    double priorStrength();

    /**
     * L2 pull of a brand's head towards the shipped head, counted in corrections: the pull weighs as much as this
     * many corrections (its strength per correction is this / the account's number of corrections), so a brand's
     * first corrections nudge the head and thousands move it further. Higher trusts the shipped data more.
     */
    @WithDefault("500")
    double adaptAnchor();

    /** Training steps when a brand's head is adapted to its corrections. */
    @WithDefault("150")
    int adaptIterations();

    /** Threads that run the sentence encoders for one batch (one ONNX intra-op thread each). */
    @WithDefault("2")
    int encoderThreads();

    /**
     * Texts run through an encoder in one ONNX call (padded to the longest). 1 gives bit-identical scores to
     * encoding one text at a time; larger is faster, and moves the quantized encoders' outputs by int8 rounding.
     */
    @WithDefault("4")
    int microBatch();

    /** How many of the most similar corrected messages vote on a message of the same account (0: no vote). */
    @WithDefault("20")
    int neighbours();

    /** The number of corrections at which the neighbours' vote weighs as much as the head (weight k / (k + this)). */
    @WithDefault("3000")
    double neighbourHalfWeight();

    /** Softness of the neighbours' similarity weights: exp((similarity − best) / this). */
    @WithDefault("0.1")
    double neighbourTemperature();

    /**
     * At most this many of the account's newest corrections are kept as neighbours (each costs ~0.8 KB in every
     * version and a dot product per scored message).
     */
    @WithDefault("3000")
    int neighbourLimit();

    /** The label-mix gate holds out one correction in this many to decide whether a version applies its label mix. */
    @WithDefault("5")
    int priorGateFolds();

    /**
     * The label-mix gate decides on at least this many held-out corrections; with fewer the label mix is left off
     * (there is no evidence that it helps this account).
     */
    @WithDefault("20")
    int priorGateMinHeldOut();

    /** An uploaded labelled file needs at least this many rows to be evaluated. */
    @WithDefault("50")
    int evaluationMinRows();

    /**
     * An uploaded labelled file may have at most this many rows (it is scored while the request waits, about 100-300
     * texts/s on 2 cores); larger files go through the engineers' command.
     */
    @WithDefault("5000")
    int evaluationMaxRows();

    /** An uploaded labelled file may have at most this many bytes. */
    @WithDefault("4194304")
    long evaluationMaxBytes();

    /** How many misclassified examples an evaluation shows. */
    @WithDefault("8")
    int evaluationExamples();
}
