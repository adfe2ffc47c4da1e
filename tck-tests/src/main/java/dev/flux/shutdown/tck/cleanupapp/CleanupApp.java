package dev.flux.shutdown.tck.cleanupapp;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import dev.flux.shutdown.internal.ShutdownCoordinator;
import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;

/**
 * A small Weld SE application that holds buffered resources (a connection pool over an embedded file database, a
 * buffered audit file, a buffering log handler), for the process-level cleanup test. It stores
 * {@code cleanupapp.records} orders, prints {@value #READY}, and runs until a signal ends it. Its workspace is
 * {@code cleanupapp.dir}.
 *
 * <p>Discovery is explicit: the library's extension, its implementation packages and this package only, so that
 * other bean archives on the test class path (test beans, other test applications) stay out. (Without discovery,
 * service-loaded extensions are not loaded either, hence the explicit extension.)
 */
public final class CleanupApp {

    /** Printed once every record is stored, though still buffered. */
    public static final String READY = "cleanupapp: ready";

    private CleanupApp() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Workspace workspace = Workspace.fromSystemProperties();
        BufferedLogFile.install(workspace.logFile());
        SeContainer container = SeContainerInitializer.newInstance().disableDiscovery()
                .addExtensions(new FluxShutdownExtension())
                .addPackages(true, ShutdownCoordinator.class)
                .addPackages(true, CleanupApp.class)
                .initialize();
        OrderService orders = container.select(OrderService.class).get();
        for (int i = 1; i <= workspace.records(); i++) {
            orders.place(i, "item-" + i);
        }
        System.out.println(READY);
        // the process ends when a signal starts the graceful shutdown, which ends with System.exit
        new CountDownLatch(1).await();
    }
}
