package dev.signet.sla;

/** A policy of {@code accountKey} was created, changed or deleted (a CDI event, acted on after commit). */
public record SlaPolicyChanged(String accountKey) {
}
