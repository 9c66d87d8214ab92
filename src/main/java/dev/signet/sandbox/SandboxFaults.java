package dev.signet.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;

/** The faults armed on the fake X, used up one request at a time, first armed first used. */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxFaults {

    private final List<SandboxFault> armed = new ArrayList<>();
    private long injected;
    private long requests;

    public synchronized void arm(SandboxFault fault) {
        if (fault.times() < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        armed.add(fault);
    }

    public synchronized void clear() {
        armed.clear();
    }

    /**
     * Counts one request to the fake X, then takes one use of the first answer-changing fault (status, delay,
     * malformed body) matching its path.
     */
    synchronized Optional<SandboxFault> take(String path) {
        requests++;
        return take(path, false);
    }

    /** Requests the fake X (v1.1 and v2) received since start: what a client's polling costs. */
    public synchronized long requests() {
        return requests;
    }

    /**
     * Takes one use of the first after-write fault matching the path: asked by the routes once a request was
     * carried out, just before answering it.
     */
    synchronized Optional<SandboxFault> takeAfterWrite(String path) {
        for (int i = 0; i < armed.size(); i++) {
            SandboxFault fault = armed.get(i);
            if (fault.matches(path) && fault.afterWrite()) {
                use(i, fault);
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** Takes one use of the first page distortion (repeat, shuffle) armed for this path. */
    synchronized Optional<String> takeDistortion(String path) {
        for (int i = 0; i < armed.size(); i++) {
            SandboxFault fault = armed.get(i);
            if (fault.matches(path) && !fault.afterWrite() && fault.distorts()
                    && !SandboxPageDistortions.KNOWN.contains(fault.distortion())) {
                use(i, fault);
                return Optional.of(fault.distortion());
            }
        }
        return Optional.empty();
    }

    /** Takes one use of the first distortion among {@code which} armed for this path (v2 pages). */
    synchronized Optional<String> takeDistortion(String path, Set<String> which) {
        for (int i = 0; i < armed.size(); i++) {
            SandboxFault fault = armed.get(i);
            if (fault.matches(path) && !fault.afterWrite() && fault.distorts() && which.contains(fault.distortion())) {
                use(i, fault);
                return Optional.of(fault.distortion());
            }
        }
        return Optional.empty();
    }

    private Optional<SandboxFault> take(String path, boolean distortion) {
        for (int i = 0; i < armed.size(); i++) {
            SandboxFault fault = armed.get(i);
            if (fault.matches(path) && !fault.afterWrite() && fault.distorts() == distortion) {
                use(i, fault);
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private void use(int index, SandboxFault fault) {
        if (fault.times() <= 1) {
            armed.remove(index);
        } else {
            armed.set(index, fault.used());
        }
        injected++;
    }

    /** Faults still armed. */
    public synchronized List<SandboxFault> armed() {
        return List.copyOf(armed);
    }

    /** How many requests were answered with a fault since start. */
    public synchronized long injected() {
        return injected;
    }
}
