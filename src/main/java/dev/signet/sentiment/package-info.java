/**
 * Sentiment: scoring customers' messages off the ingest path ({@code SentimentWorker}, {@code SentimentScorer}: the
 * sentence embeddings and a small head, with the lexicon as fallback), per-brand model versions learned from agents'
 * corrections, the label-mix gate ({@code PriorGate}), evaluation on a brand's labelled file. It offers the scores:
 * the {@code MessageScored} event and {@code SentimentLookup}. It sits below {@code care} (care shows the scores and
 * raises priority on them) and below {@code insight} (which rolls them up); it knows neither.
 */
package dev.signet.sentiment;
