package dev.signet.sandbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Posts mentions on the fake X at a steady rate, in the background, for load tests, benchmarks and demos.
 * One run at a time; a new run replaces nothing while one is going (the caller gets 409).
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxLoadGenerator {

    private static final Logger LOG = Logger.getLogger(SandboxLoadGenerator.class);

    private final SandboxService sandbox;
    private final ManagedExecutor executor;
    private volatile boolean running;
    private volatile boolean stopRequested;
    private volatile int posted;
    private volatile int target;
    private volatile String error;

    public SandboxLoadGenerator(SandboxService sandbox, ManagedExecutor executor) {
        this.sandbox = sandbox;
        this.executor = executor;
    }

    /** Starts a run; false when one is already running. */
    public synchronized boolean start(SandboxLoad load) {
        if (running) {
            return false;
        }
        sandbox.user(load.brand()).filter(SandboxUserView::brand)
                .orElseThrow(() -> new IllegalArgumentException("No sandbox brand @" + load.brand()));
        running = true;
        stopRequested = false;
        posted = 0;
        target = load.total();
        error = null;
        executor.runAsync(() -> run(load));
        return true;
    }

    public void stop() {
        stopRequested = true;
    }

    public SandboxLoadStatus status() {
        return new SandboxLoadStatus(running, posted, target, error);
    }

    private void run(SandboxLoad load) {
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / load.perSecond();
        try {
            for (int customer = 0; customer < load.customers(); customer++) {
                sandbox.createCustomer("load_" + customer, "Load Customer " + customer);
            }
            for (int i = 0; i < load.total() && !stopRequested; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sandbox.postMention("load_" + (i % load.customers()), load.brand(), "load mention " + i + " at " + due, null);
                posted = i + 1;
            }
        } catch (RuntimeException e) {
            error = e.getMessage();
            LOG.warnf("sandbox load stopped: posted=%d reason=%s", posted, e.getMessage());
        } finally {
            running = false;
        }
    }
}
