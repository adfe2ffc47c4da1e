package dev.flux.shutdown.internal.process;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the library's calls of application code (cleanups, observers, checkpoints, the report) in the
 * application's context, whatever thread they are on: the JVM's signal thread has no context class loader, and
 * in a server JNDI ({@code java:comp}, {@code java:app}) and MicroProfile Config depend on the context of the
 * calling thread. Captured once, on a thread of the application (its start), then applied around each task: the
 * application's thread context class loader always, and, where the runtime offers Jakarta Concurrency, its whole
 * context through the default {@code ContextService}.
 */
public final class ApplicationContext implements Executor {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");
    private static final String CONTEXT_SERVICE = "jakarta.enterprise.concurrent.ContextService";

    private final ClassLoader loader;
    private final Executor managed;
    private final String description;

    private ApplicationContext(ClassLoader loader, Executor managed, String description) {
        this.loader = loader;
        this.managed = managed;
        this.description = description;
    }

    /** Captures the context of the calling thread, which must be one of the application's. */
    public static ApplicationContext capture() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ApplicationContext.class.getClassLoader();
        }
        Optional<Executor> managed = managedContext(loader);
        return new ApplicationContext(loader, managed.orElse(null),
                managed.isPresent() ? "Jakarta Concurrency's default ContextService" : "its class loader");
    }

    /** Runs {@code task} on the calling thread, in the application's context. */
    @Override
    public void execute(Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            if (managed != null) {
                managed.execute(task);
            } else {
                task.run();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A new, unstarted thread that runs {@code task} in the application's context. */
    public Thread newThread(String name, boolean daemon, Runnable task) {
        Thread thread = new Thread(() -> execute(task), name);
        thread.setContextClassLoader(loader);
        thread.setDaemon(daemon);
        return thread;
    }

    @Override
    public String toString() {
        return description;
    }

    private static Optional<Executor> managedContext(ClassLoader loader) {
        try {
            Class.forName(CONTEXT_SERVICE, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        try {
            return ManagedContext.lookup();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No Jakarta Concurrency context service; the class loader is the context", e);
            return Optional.empty();
        }
    }
}
