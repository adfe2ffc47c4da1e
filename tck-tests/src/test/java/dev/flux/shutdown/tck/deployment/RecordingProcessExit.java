package dev.flux.shutdown.tck.deployment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.flux.shutdown.runtime.ProcessExit;

/** Records how the library would end the process, so that an in-container test can keep its JVM. */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingProcessExit implements ProcessExit {

    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final CompletableFuture<Integer> haltCode = new CompletableFuture<>();

    @Override
    public void exit(int code) {
        exitCode.complete(code);
    }

    @Override
    public void halt(int code) {
        haltCode.complete(code);
    }

    /** The code passed to {@link #exit}, waiting up to 30 s for it. */
    public int awaitExit() throws Exception {
        return exitCode.get(30, TimeUnit.SECONDS);
    }

    /** The code passed to {@link #halt}, waiting up to 30 s for it. */
    public int awaitHalt() throws Exception {
        return haltCode.get(30, TimeUnit.SECONDS);
    }

    public boolean exited() {
        return exitCode.isDone();
    }

    public boolean halted() {
        return haltCode.isDone();
    }
}
