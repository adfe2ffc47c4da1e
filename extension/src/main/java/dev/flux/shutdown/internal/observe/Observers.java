package dev.flux.shutdown.internal.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.cleanup.CleanupAction;
import dev.flux.shutdown.internal.cleanup.CleanupOutcome;
import dev.flux.shutdown.internal.drain.DrainOutcome;
import dev.flux.shutdown.internal.drain.InFlightRegistry;
import dev.flux.shutdown.internal.observe.jfr.JfrObserver;
import dev.flux.shutdown.internal.observe.micrometer.MicrometerMeters;
import dev.flux.shutdown.internal.observe.mpmetrics.MicroProfileMeters;
import dev.flux.shutdown.internal.observe.otel.OpenTelemetryMeters;
import dev.flux.shutdown.internal.state.CommitOutcome;

/**
 * Every way this runtime offers of showing a shutdown, each told in turn. What the runtime lacks is never loaded: a
 * JRE without the {@code jdk.jfr} module, or an application without Micrometer, MicroProfile Metrics or
 * OpenTelemetry, simply has fewer observers. One observer that fails is logged once and never stops the others or
 * the shutdown.
 */
public final class Observers implements ShutdownObserver {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.observe");

    private final List<ShutdownObserver> observers;
    private final List<String> names;
    private volatile boolean failureLogged;

    Observers(List<ShutdownObserver> observers, List<String> names) {
        this.observers = List.copyOf(observers);
        this.names = List.copyOf(names);
    }

    /** No observer: the library is turned off. */
    public static Observers none() {
        return new Observers(List.of(), List.of());
    }

    /**
     * The observers this runtime can have, for the application named {@code application}, which owns the process or
     * not; meters only if {@code metrics}. {@code beans} are the application's, where MicroProfile Metrics and
     * Telemetry runtimes offer their registry and their {@code OpenTelemetry}.
     */
    public static Observers forRuntime(String application, boolean ownsProcess, boolean metrics,
            Instance<Object> beans) {
        List<ShutdownObserver> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ClassLoader loader = Observers.class.getClassLoader();
        if (present("jdk.jfr.Event", loader)) {
            found.add(new JfrObserver(application, ownsProcess));
            names.add("JFR events dev.flux.shutdown.*");
        }
        if (!metrics) {
            return new Observers(found, names);
        }
        if (present("io.micrometer.core.instrument.Metrics", loader)) {
            addMeters("Micrometer", () -> Optional.of(MicrometerMeters.fromBeans(beans)), application, found, names);
        }
        if (present(MicroProfileMeters.API, loader)) {
            addMeters("MicroProfile Metrics", () -> MicroProfileMeters.fromBeans(beans), application, found, names);
        }
        if (present("io.opentelemetry.api.OpenTelemetry", loader)) {
            addMeters("OpenTelemetry", () -> OpenTelemetryMeters.fromBeans(beans, ownsProcess), application, found,
                    names);
        }
        return new Observers(found, names);
    }

    /**
     * Adds the meters of one library, named {@code library}, when {@code lookup} finds its registry; one that is
     * present but fails (another version of its API, a registry that refuses the meters) is logged and left out.
     */
    private static void addMeters(String library, Supplier<Optional<Meters>> lookup, String application,
            List<ShutdownObserver> found, List<String> names) {
        try {
            Optional<Meters> meters = lookup.get();
            if (meters.isPresent()) {
                found.add(new MetricsObserver(meters.get(), application));
                names.add(meters.get().name());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "FLUX-0803 " + library + " is present but its meters cannot be registered; the"
                    + " shutdown is not shown in its metrics", e);
        }
    }

    /** Whether {@code className} can be loaded by {@code loader}, without loading it. */
    public static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** What shows the shutdown, for the startup line: {@code JFR events ..., Micrometer ...}. */
    public List<String> names() {
        return names;
    }

    @Override
    public void watch(InFlightRegistry registry) {
        each(o -> o.watch(registry));
    }

    @Override
    public void applicationStarted() {
        each(ShutdownObserver::applicationStarted);
    }

    @Override
    public void close() {
        each(ShutdownObserver::close);
    }

    @Override
    public void started(ShutdownCause cause) {
        each(o -> o.started(cause));
    }

    @Override
    public void phaseStarted(ShutdownPhase phase, ShutdownCause cause) {
        each(o -> o.phaseStarted(phase, cause));
    }

    @Override
    public void phaseEnded(ShutdownCause cause, PhaseReport phase) {
        each(o -> o.phaseEnded(cause, phase));
    }

    @Override
    public void timedOut(ShutdownCause cause, ShutdownPhase running) {
        each(o -> o.timedOut(cause, running));
    }

    @Override
    public void reported(ShutdownReport report) {
        each(o -> o.reported(report));
    }

    @Override
    public void drained(int atStart, DrainOutcome outcome, LateRequests late) {
        each(o -> o.drained(atStart, outcome, late));
    }

    @Override
    public Consumer<CleanupOutcome> starting(CleanupAction action) {
        List<Consumer<CleanupOutcome>> ends = new ArrayList<>(observers.size());
        each(o -> ends.add(o.starting(action)));
        return outcome -> ends.forEach(end -> guarded(() -> end.accept(outcome)));
    }

    @Override
    public void notRun(CleanupOutcome outcome) {
        each(o -> o.notRun(outcome));
    }

    @Override
    public void checkpointed(CommitOutcome outcome, String store, boolean periodic) {
        each(o -> o.checkpointed(outcome, store, periodic));
    }

    private void each(Consumer<ShutdownObserver> call) {
        for (ShutdownObserver observer : observers) {
            guarded(() -> call.accept(observer));
        }
    }

    private void guarded(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.log(Level.WARNING, "FLUX-0801 Recording the shutdown for JFR or metrics failed (logged once);"
                        + " the shutdown goes on", e);
            }
        }
    }
}
