package dev.signet.sandbox;

/** How the current (or last) load run stands. */
public record SandboxLoadStatus(boolean running, int posted, int target, String error) {
}
