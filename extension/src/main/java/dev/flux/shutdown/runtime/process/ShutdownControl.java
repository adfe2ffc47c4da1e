package dev.flux.shutdown.runtime.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.runtime.ShutdownCoordinator;

/** The MBean of one application: what the JVM-wide signal dispatcher may ask of its shutdown. */
public final class ShutdownControl implements ShutdownControlMBean {

    private static final String SIGINT = "INT";

    private final ShutdownCoordinator coordinator;
    private final RunningApplication application;
    private final Set<String> signals;
    private final Consumer<String> adopt;

    /**
     * @param signals the signals this application handles ({@code flux.shutdown.signals})
     * @param adopt   takes over the JVM's handler of a signal for this application
     */
    public ShutdownControl(ShutdownCoordinator coordinator, RunningApplication application, Set<String> signals,
            Consumer<String> adopt) {
        this.coordinator = coordinator;
        this.application = application;
        this.signals = Set.copyOf(signals);
        this.adopt = adopt;
    }

    @Override
    public String getApplication() {
        return application.name();
    }

    @Override
    public String getPhase() {
        return coordinator.phase().map(Enum::name).orElse("RUNNING");
    }

    @Override
    public boolean isOwnsProcess() {
        return coordinator.ownsProcess();
    }

    @Override
    public long getTimeoutMillis() {
        return coordinator.config().timeout().toMillis();
    }

    @Override
    public String signal(String name) {
        AtomicReference<String> answer = new AtomicReference<>(IGNORED);
        application.context().execute(() -> answer.set(onSignal(name)));
        return answer.get();
    }

    private String onSignal(String name) {
        if (!signals.contains(name)) {
            return IGNORED;
        }
        if (coordinator.start(ShutdownCause.signal(name))) {
            return STARTED;
        }
        if (SIGINT.equals(name) && coordinator.isShuttingDown()) {
            coordinator.forceExit("SIGINT during shutdown");
        }
        return RUNNING;
    }

    @Override
    public boolean awaitPhases(long millis) {
        return coordinator.awaitPhases(Duration.ofMillis(millis));
    }

    @Override
    public void endProcess() {
        application.context().execute(coordinator::endProcess);
    }

    @Override
    public void adoptSignal(String name) {
        adopt.accept(name);
    }
}
