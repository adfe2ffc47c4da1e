package dev.flux.shutdown.internal.process;

import java.util.Optional;
import java.util.concurrent.Executor;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ContextService;

/**
 * The application's whole context (naming, class loader, security) from Jakarta Concurrency's default
 * {@code ContextService}, as an executor that applies it around each task. Loaded only where that API exists.
 */
final class ManagedContext {

    private static final String DEFAULT_CONTEXT_SERVICE = "java:comp/DefaultContextService";

    private ManagedContext() {
    }

    static Optional<Executor> lookup() {
        try {
            Object found = new InitialContext().lookup(DEFAULT_CONTEXT_SERVICE);
            if (found instanceof ContextService contexts) {
                Executor direct = Runnable::run;
                return Optional.of(contexts.createContextualProxy(direct, Executor.class));
            }
            return Optional.empty();
        } catch (NamingException e) {
            return Optional.empty();
        }
    }
}
