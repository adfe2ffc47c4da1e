package dev.flux.shutdown.tck.stateapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;

/**
 * A Weld SE service with one {@code @Persistent} counter, for the restart test. It prints {@code ready visits=N}
 * once started, and for every {@code increment} line on standard input increments the counter and prints
 * {@code visits=N}. SIGTERM shuts it down through the library's phases. Configure it with system properties
 * ({@code -Dflux.shutdown.state.dir=...}).
 */
public final class CounterService {

    private CounterService() {
    }

    public static void main(String[] args) throws Exception {
        // only the library's own classes and this app's bean: other child apps share this classpath
        SeContainer container = SeContainerInitializer.newInstance().disableDiscovery()
                .addExtensions(new FluxShutdownExtension())
                .addPackages(true, Shutdown.class)
                .addBeanClasses(VisitCounter.class)
                .initialize();
        VisitCounter counter = container.select(VisitCounter.class).get();
        System.out.println("ready visits=" + counter.visits());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.trim().equals("increment")) {
                System.out.println("visits=" + counter.increment());
            }
        }
    }
}
