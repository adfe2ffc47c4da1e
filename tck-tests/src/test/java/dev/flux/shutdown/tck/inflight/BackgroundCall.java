package dev.flux.shutdown.tck.inflight;

import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** A call made on a named thread of its own, so that the test thread stays free to start the shutdown. */
final class BackgroundCall {

    /** Something to call that may throw, such as an {@code @InFlight} method declaring a checked exception. */
    interface Body {
        void run() throws Exception;
    }

    private final FutureTask<Void> task;

    private BackgroundCall(Body body, String threadName) {
        task = new FutureTask<>(() -> {
            body.run();
            return null;
        });
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    static BackgroundCall start(String threadName, Body body) {
        return new BackgroundCall(body, threadName);
    }

    /** Waits up to 30 s for the call to return; what it threw is rethrown, wrapped. */
    void await() throws Exception {
        task.get(30, TimeUnit.SECONDS);
    }
}
