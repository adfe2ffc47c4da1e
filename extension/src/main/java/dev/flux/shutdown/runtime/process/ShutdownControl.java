package dev.flux.shutdown.runtime.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.runtime.ReportJson;
import dev.flux.shutdown.runtime.ReportLog;
import dev.flux.shutdown.runtime.ShutdownCoordinator;
import dev.flux.shutdown.runtime.observe.ConfigurationLines;
import dev.flux.shutdown.runtime.observe.ObservabilityConfig;

/**
 * The MBean of one application: what the JVM-wide signal dispatcher may ask of its shutdown, and what an operator's
 * JMX console shows of it (phase, work in flight, configuration, last report) and may start (when allowed).
 */
public final class ShutdownControl implements ShutdownControlMBean {

    private static final String SIGINT = "INT";
    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final ShutdownCoordinator coordinator;
    private final RunningApplication application;
    private final Set<String> signals;
    private final Predicate<String> adopt;
    private final IntSupplier inFlight;
    /** The shutdown {@link #claim claimed} for a signal, which its {@link #signal} launches. */
    private final AtomicReference<ShutdownCause> claimed = new AtomicReference<>();

    /**
     * @param signals  the signals this application handles ({@code flux.shutdown.signals})
     * @param adopt    takes over the JVM's handler of a signal for this application; whether it did
     * @param inFlight the work in flight now
     */
    public ShutdownControl(ShutdownCoordinator coordinator, RunningApplication application, Set<String> signals,
            Predicate<String> adopt, IntSupplier inFlight) {
        this.coordinator = coordinator;
        this.application = application;
        this.signals = Set.copyOf(signals);
        this.adopt = adopt;
        this.inFlight = inFlight;
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
    public String claim(String name) {
        AtomicReference<String> answer = new AtomicReference<>(IGNORED);
        application.context().execute(() -> {
            ShutdownCause cause = ShutdownCause.signal(name);
            // a shutdown already running is left to signal(), which says so once
            if (signals.contains(name) && !coordinator.isShuttingDown() && coordinator.claim(cause)) {
                claimed.set(cause);
                answer.set(STARTED);
            }
        });
        return answer.get();
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
        ShutdownCause cause = ShutdownCause.signal(name);
        // only the claim of this very signal is taken: another signal's, raised at the same time, stays its own
        ShutdownCause claimedBefore = claimed.get();
        boolean mine = cause.equals(claimedBefore) && claimed.compareAndSet(claimedBefore, null);
        if (mine ? coordinator.launch(claimedBefore) : coordinator.start(cause)) {
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
    public boolean adoptSignal(String name) {
        return adopt.test(name);
    }

    @Override
    public int getInFlight() {
        return inFlight.getAsInt();
    }

    @Override
    public String[] getConfiguration() {
        return ConfigurationLines.of(coordinator.config()).toArray(String[]::new);
    }

    @Override
    public String getLastReport() {
        return coordinator.report().map(r -> String.join("\n", ReportLog.lines(r, application.logLabel())))
                .orElse("");
    }

    @Override
    public String getLastReportJson() {
        return coordinator.report().map(r -> ReportJson.render(r, application.name())).orElse("");
    }

    @Override
    public String initiateShutdown(String reason) {
        String why = reason == null || reason.isBlank() ? "JMX operation" : "JMX: " + reason.strip();
        if (!coordinator.config().observe().jmxShutdownOperation()) {
            LOG.warning(() -> "FLUX-0804 " + application.logLabel() + "Refused a graceful shutdown requested through"
                    + " JMX (" + why + "): " + ObservabilityConfig.JMX_SHUTDOWN_OPERATION + " is false");
            return "refused: the JMX shutdown operation is off; set " + ObservabilityConfig.JMX_SHUTDOWN_OPERATION
                    + "=true to allow it";
        }
        AtomicReference<String> answer = new AtomicReference<>(RUNNING);
        application.context().execute(() -> {
            if (coordinator.start(ShutdownCause.programmatic(why))) {
                answer.set(STARTED);
            }
        });
        return answer.get();
    }
}
