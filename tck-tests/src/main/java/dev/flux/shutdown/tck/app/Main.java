package dev.flux.shutdown.tck.app;

import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/**
 * A plain Weld SE application that uses flux-shutdown the way a user would: the library is only on the
 * classpath, found by Weld SE's discovery. The process-level tests start it as a real JVM, wait for
 * {@link TckOutput#READY}, send it signals and read what it printed. Its test knobs are listed in
 * {@link TckKnobs}; the library is configured with {@code -Dflux.shutdown.*} system properties.
 */
public final class Main {

    /** Never counted down: the main thread waits on it until the JVM ends. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        start();
        TckOutput.print(TckOutput.READY + ProcessHandle.current().pid());
        NEVER.await();
    }

    /**
     * Starts everything the application serves with. Weld SE closes the container from its own JVM shutdown hook,
     * so nothing here needs closing.
     */
    static SeContainer start() {
        return SeContainerInitializer.newInstance().initialize();
    }
}
