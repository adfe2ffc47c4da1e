package dev.flux.shutdown.internal.process;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import sun.misc.SignalHandler;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.internal.ShutdownCoordinator;

/**
 * One application as the JVM's signal dispatchers see it, whichever application's copy of the library they are:
 * through JDK interfaces only. As a {@link Function} it claims the application's shutdown for a signal (readiness
 * DOWN, nothing else) and answers how to go on: launch what it claimed, or treat the signal as a second trigger,
 * then the phases' end and what ends the process. As a {@link Supplier} it makes an empty dispatcher of its own
 * copy, to take a slot over from an application that leaves.
 */
final class SignalMember implements Function<String, Supplier<CompletableFuture<Runnable>>>,
        Supplier<SignalHandler> {

    private static final String SIGINT = "INT";

    private final ShutdownCoordinator coordinator;
    private final RunningApplication application;
    private final Set<String> signals;

    SignalMember(ShutdownCoordinator coordinator, RunningApplication application) {
        this.coordinator = coordinator;
        this.application = application;
        this.signals = Set.copyOf(coordinator.config().signals());
    }

    /** @return {@code null} when the application does not handle {@code signal} */
    @Override
    public Supplier<CompletableFuture<Runnable>> apply(String signal) {
        if (!signals.contains(signal)) {
            return null;
        }
        ShutdownCause cause = ShutdownCause.signal(signal);
        boolean[] claimed = {false};
        // a shutdown already running is left to the launch below, which says so once
        application.context().execute(() -> claimed[0] = !coordinator.isShuttingDown() && coordinator.claim(cause));
        return () -> {
            application.context().execute(() -> {
                if (claimed[0]) {
                    coordinator.launch(cause);
                } else if (!coordinator.start(cause) && SIGINT.equals(signal) && coordinator.isShuttingDown()) {
                    coordinator.forceExit("SIGINT during shutdown");
                }
            });
            return coordinator.phasesEnded(coordinator.config().timeout()).thenApply(ended -> ending());
        };
    }

    @Override
    public SignalHandler get() {
        return new SignalDispatcher();
    }

    /** What ends the process after the phases, where the application owns it; {@code null} inside a server. */
    private Runnable ending() {
        return coordinator.ownsProcess() ? () -> application.context().execute(coordinator::endProcess) : null;
    }

    @Override
    public String toString() {
        return "application " + application.name();
    }
}
