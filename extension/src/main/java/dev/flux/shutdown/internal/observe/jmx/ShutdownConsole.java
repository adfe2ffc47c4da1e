package dev.flux.shutdown.internal.observe.jmx;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.internal.report.ReportJson;
import dev.flux.shutdown.internal.report.ReportLog;
import dev.flux.shutdown.internal.ShutdownCoordinator;
import dev.flux.shutdown.internal.observe.ConfigurationLines;
import dev.flux.shutdown.internal.observe.ObservabilityConfig;

/**
 * One application's shutdown as an operator's JMX console sees it, registered in the platform MBeanServer as
 * {@code dev.flux.shutdown:type=Shutdown,app=<name>}: read-only attributes and the guarded
 * {@link #initiateShutdown}, nothing else.
 */
public final class ShutdownConsole implements ShutdownConsoleMBean {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");
    private static final String DOMAIN = "dev.flux.shutdown";
    private static final String STARTED = "started";
    private static final String RUNNING = "running";

    private final ShutdownCoordinator coordinator;
    private final String application;
    private final String logLabel;
    private final Executor context;
    private final IntSupplier inFlight;

    /**
     * @param application the application's name
     * @param logLabel    the prefix of its log lines
     * @param context     the application's context, around the shutdown the console starts
     * @param inFlight    the work in flight now
     */
    public ShutdownConsole(ShutdownCoordinator coordinator, String application, String logLabel, Executor context,
            IntSupplier inFlight) {
        this.coordinator = coordinator;
        this.application = application;
        this.logLabel = logLabel;
        this.context = context;
        this.inFlight = inFlight;
    }

    /** Registers the console under {@code dev.flux.shutdown:type=Shutdown,app=<name>}, made unique if taken. */
    public ObjectName register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String safe = application.replaceAll("[,=:\"*?\\\\\\s]", "_");
        for (int attempt = 1; ; attempt++) {
            ObjectName name = nameOf(attempt == 1 ? safe : safe + "#" + attempt);
            try {
                server.registerMBean(this, name);
                return name;
            } catch (InstanceAlreadyExistsException e) {
                // another application of the same name: try the next suffix
            } catch (JMException e) {
                throw new IllegalStateException("Cannot register " + name, e);
            }
        }
    }

    /** Unregisters a console: nothing of the application stays reachable from JMX. */
    public static void unregister(ObjectName name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // already gone
        } catch (JMException e) {
            LOG.log(Level.FINE, "Cannot unregister " + name, e);
        }
    }

    @Override
    public String getApplication() {
        return application;
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
    public int getInFlight() {
        return inFlight.getAsInt();
    }

    @Override
    public String[] getConfiguration() {
        return ConfigurationLines.of(coordinator.config()).toArray(String[]::new);
    }

    @Override
    public String getLastReport() {
        return coordinator.report().map(r -> String.join("\n", ReportLog.lines(r, logLabel))).orElse("");
    }

    @Override
    public String getLastReportJson() {
        return coordinator.report().map(r -> ReportJson.render(r, application)).orElse("");
    }

    @Override
    public String initiateShutdown(String reason) {
        String why = reason == null || reason.isBlank() ? "JMX operation" : "JMX: " + reason.strip();
        if (!coordinator.config().observe().jmxShutdownOperation()) {
            LOG.warning(() -> "FLUX-0804 " + logLabel + "Refused a graceful shutdown requested through"
                    + " JMX (" + why + "): " + ObservabilityConfig.JMX_SHUTDOWN_OPERATION + " is false");
            return "refused: the JMX shutdown operation is off; set " + ObservabilityConfig.JMX_SHUTDOWN_OPERATION
                    + "=true to allow it";
        }
        AtomicReference<String> answer = new AtomicReference<>(RUNNING);
        context.execute(() -> {
            if (coordinator.start(ShutdownCause.programmatic(why))) {
                answer.set(STARTED);
            }
        });
        return answer.get();
    }

    private static ObjectName nameOf(String app) {
        try {
            return new ObjectName(DOMAIN + ":type=Shutdown,app=" + app);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Not a valid application name for JMX: " + app, e);
        }
    }
}
