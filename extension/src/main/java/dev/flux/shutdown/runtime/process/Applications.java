package dev.flux.shutdown.runtime.process;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The applications of this JVM that carry the library, each registered as a {@link ShutdownControlMBean} in the
 * platform MBeanServer: the one registry that every application's copy of the library can reach, with JDK types
 * only, and that keeps nothing of an application once it unregisters.
 */
public final class Applications {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.signal");
    private static final String DOMAIN = "dev.flux.shutdown";
    private static final String[] STRING = {String.class.getName()};
    private static final String[] LONG = {long.class.getName()};
    private static final String[] NONE = {};

    private Applications() {
    }

    /** Registers an application under {@code dev.flux.shutdown:type=Shutdown,app=<name>}, made unique if taken. */
    public static ObjectName register(String name, ShutdownControlMBean control) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String safe = name.replaceAll("[,=:\"*?\\\\\\s]", "_");
        for (int attempt = 1; ; attempt++) {
            ObjectName objectName = nameOf(attempt == 1 ? safe : safe + "#" + attempt);
            try {
                server.registerMBean(control, objectName);
                return objectName;
            } catch (InstanceAlreadyExistsException e) {
                // another application of the same name: try the next suffix
            } catch (JMException e) {
                throw new IllegalStateException("Cannot register " + objectName, e);
            }
        }
    }

    public static void unregister(ObjectName name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // already gone
        } catch (JMException e) {
            LOG.log(Level.FINE, "Cannot unregister " + name, e);
        }
    }

    /**
     * Starts every registered application's phases for a signal at the same instant (readiness goes DOWN everywhere
     * at once), waits for them, bounded by the longest {@code flux.shutdown.timeout}, and then lets an application
     * that owns the process end it.
     *
     * @return {@code true} if an application owns the process (it has been asked to end it); {@code false} when
     *         the signal must go on to the handler that was there before the library (a server's own stop)
     */
    public static boolean dispatch(String signal) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<ObjectName, String> answers = new LinkedHashMap<>();
        Set<ObjectName> apps = registered(server);
        // readiness DOWN in every application first, with nothing in between (no log, no thread), then the phases
        for (ObjectName app : apps) {
            invoke(server, app, "claim", new Object[] {signal}, STRING);
        }
        for (ObjectName app : apps) {
            invoke(server, app, "signal", new Object[] {signal}, STRING).ifPresent(a -> answers.put(app, (String) a));
        }
        LOG.fine(() -> "SIG" + signal + " dispatched: " + answers);
        long bound = answers.keySet().stream()
                .mapToLong(app -> attribute(server, app, "TimeoutMillis").map(Long.class::cast).orElse(0L))
                .max().orElse(0L);
        long deadline = System.nanoTime() + bound * 1_000_000L;
        for (ObjectName app : answers.keySet()) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            invoke(server, app, "awaitPhases", new Object[] {left}, LONG);
        }
        boolean owned = false;
        for (ObjectName app : answers.keySet()) {
            if (attribute(server, app, "OwnsProcess").map(Boolean.TRUE::equals).orElse(false)) {
                owned = true;
                invoke(server, app, "endProcess", new Object[0], NONE);
            }
        }
        return owned;
    }

    /**
     * Asks another registered application to take over the JVM's handler of a signal.
     *
     * @return {@code false} when no other application is registered
     */
    public static boolean handOver(String signal) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName app : registered(server)) {
            // only an application whose dispatcher really took the slot may keep the leaving one from restoring it
            if (invoke(server, app, "adoptSignal", new Object[] {signal}, STRING).map(Boolean.TRUE::equals)
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Set<ObjectName> registered(MBeanServer server) {
        return server.queryNames(nameOf("*"), null);
    }

    /** The operation's result ({@link Boolean#TRUE} for a void one), or empty if the call failed. */
    private static Optional<Object> invoke(MBeanServer server, ObjectName app, String operation, Object[] arguments,
            String[] signature) {
        try {
            Object result = server.invoke(app, operation, arguments, signature);
            return Optional.of(result == null ? Boolean.TRUE : result);
        } catch (JMException | RuntimeException e) {
            // an application that left meanwhile, or one whose call failed: the others go on
            LOG.log(Level.FINE, "Cannot call " + operation + " of " + app, e);
            return Optional.empty();
        }
    }

    private static Optional<Object> attribute(MBeanServer server, ObjectName app, String attribute) {
        try {
            return Optional.ofNullable(server.getAttribute(app, attribute));
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot read " + attribute + " of " + app, e);
            return Optional.empty();
        }
    }

    private static ObjectName nameOf(String app) {
        try {
            return new ObjectName(DOMAIN + ":type=Shutdown,app=" + app);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Not a valid application name for JMX: " + app, e);
        }
    }
}
