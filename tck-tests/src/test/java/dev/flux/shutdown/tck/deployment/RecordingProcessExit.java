package dev.flux.shutdown.tck.deployment;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.flux.shutdown.internal.process.ProcessExit;

/** Records how the library would end the process, so that an in-container test can keep its JVM. */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingProcessExit implements ProcessExit {

    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final CompletableFuture<Integer> haltCode = new CompletableFuture<>();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final List<Integer> halts = new CopyOnWriteArrayList<>();

    @Override
    public void exit(int code) {
        exits.add(code);
        exitCode.complete(code);
    }

    @Override
    public void halt(int code) {
        halts.add(code);
        haltCode.complete(code);
    }

    /** The code passed to the first {@link #exit}, waiting up to 30 s for it. */
    public int awaitExit() throws Exception {
        return exitCode.get(30, TimeUnit.SECONDS);
    }

    /** The code passed to the first {@link #halt}, waiting up to 30 s for it. */
    public int awaitHalt() throws Exception {
        return haltCode.get(30, TimeUnit.SECONDS);
    }

    public boolean exited() {
        return exitCode.isDone();
    }

    public boolean halted() {
        return haltCode.isDone();
    }

    /** Every code passed to {@link #exit}, in order: a process can only end once, so more than one is a bug. */
    public List<Integer> exitCodes() {
        return List.copyOf(exits);
    }

    /** Every code passed to {@link #halt}, in order. */
    public List<Integer> haltCodes() {
        return List.copyOf(halts);
    }
}
