package dev.flux.shutdown.tck.cleanup.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/**
 * Its first cleanup returns a stage that the test completes later (as an asynchronous client's close would); the
 * second one must not start before that.
 */
@ApplicationScoped
public class AsyncExporter {

    private final CompletableFuture<Void> exported = new CompletableFuture<>();
    private final CountDownLatch exportStarted = new CountDownLatch(1);

    @Inject
    CleanupLog log;

    public void touch() {
    }

    @Cleanup
    @Priority(1)
    CompletionStage<Void> exportRemaining() {
        exportStarted.countDown();
        return exported.thenRun(() -> log.record("exported"));
    }

    @Cleanup
    @Priority(2)
    void disconnect() {
        log.record("disconnected");
    }

    public boolean awaitExportStarted() throws InterruptedException {
        return exportStarted.await(30, TimeUnit.SECONDS);
    }

    public void completeExport() {
        exported.complete(null);
    }
}
