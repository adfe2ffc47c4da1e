package dev.flux.shutdown.tck.inflight.deployment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;

/**
 * One ordered record of the phase starts and of what the deployment's work did, so that a test can prove which
 * came first; a test can also wait for a phase to start, and find the shutdown thread (observers run on it).
 */
@ApplicationScoped
public class Timeline {

    private final List<String> entries = new CopyOnWriteArrayList<>();
    private final Map<ShutdownPhase, CountDownLatch> started = new EnumMap<>(ShutdownPhase.class);
    private final Map<ShutdownPhase, Thread> deliveredOn = new ConcurrentHashMap<>();

    public Timeline() {
        for (ShutdownPhase phase : ShutdownPhase.values()) {
            started.put(phase, new CountDownLatch(1));
        }
    }

    void phaseStarted(@Observes ShutdownPhaseEvent event) {
        entries.add(event.phase().name());
        deliveredOn.put(event.phase(), Thread.currentThread());
        started.get(event.phase()).countDown();
    }

    public void record(String entry) {
        entries.add(entry);
    }

    /** The phase names and recorded entries, in the order they happened. */
    public List<String> entries() {
        return List.copyOf(entries);
    }

    /** The thread that delivered the start of {@code phase}: the thread that runs it. */
    public Thread threadOf(ShutdownPhase phase) {
        Thread thread = deliveredOn.get(phase);
        if (thread == null) {
            throw new IllegalStateException(phase + " has not started");
        }
        return thread;
    }

    /** Whether {@code phase} has started, waiting up to 30 s for it. */
    public boolean awaitPhase(ShutdownPhase phase) throws InterruptedException {
        return started.get(phase).await(30, TimeUnit.SECONDS);
    }
}
