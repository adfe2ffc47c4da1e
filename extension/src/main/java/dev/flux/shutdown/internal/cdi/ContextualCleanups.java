package dev.flux.shutdown.internal.cdi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;

import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.internal.cleanup.CleanupAction;
import dev.flux.shutdown.internal.cleanup.CleanupPlan;
import dev.flux.shutdown.internal.cleanup.LogHandlerFlush;
import dev.flux.shutdown.internal.cleanup.PendingCleanup;
import dev.flux.shutdown.internal.cdi.discovery.DeclaredCleanup;

/**
 * Turns the cleanups discovered at deployment into the plan of this shutdown: each cleanup, when its turn comes, is
 * bound to the one instance its bean's context holds then, ranked by when that instance was created. A bean that
 * does not exist when its turn comes is not created for it, since it holds nothing to release: its cleanups are
 * reported as skipped.
 */
public final class ContextualCleanups {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.cleanup");

    /**
     * A bean and its valid cleanups.
     *
     * @param bean the bean, or empty when the runtime removed it because nothing uses it (it is never created)
     */
    public record Entry(Optional<Bean<?>> bean, List<DeclaredCleanup> cleanups) {

        public Entry {
            Objects.requireNonNull(bean, "bean");
            cleanups = List.copyOf(cleanups);
        }

        public Entry(Bean<?> bean, List<DeclaredCleanup> cleanups) {
            this(Optional.of(bean), cleanups);
        }
    }

    private final BeanContainer beans;
    private final List<Entry> entries;
    private final CreationOrder creationOrder;
    private final Duration defaultTimeout;

    ContextualCleanups(BeanContainer beans, List<Entry> entries, CreationOrder creationOrder,
            Duration defaultTimeout) {
        this.beans = beans;
        this.entries = List.copyOf(entries);
        this.creationOrder = creationOrder;
        this.defaultTimeout = defaultTimeout;
    }

    /**
     * The plan of this shutdown; {@code event} is passed to cleanups that take it. Each cleanup looks its bean's
     * instance up when its turn comes, so a bean first created by an earlier cleanup is cleaned up too.
     */
    CleanupPlan plan(ShutdownPhaseEvent event) {
        CleanupPlan.Builder plan = CleanupPlan.builder();
        for (Entry entry : entries) {
            for (DeclaredCleanup cleanup : entry.cleanups()) {
                plan.add(new PendingCleanup(cleanup.name(), cleanup.priority(),
                        () -> entry.bean().flatMap(this::existingInstance).map(instance -> ready(cleanup, instance,
                                event))));
            }
        }
        plan.last(LogHandlerFlush.action(defaultTimeout));
        return plan.build();
    }

    private PendingCleanup.Ready ready(DeclaredCleanup cleanup, Object instance, ShutdownPhaseEvent event) {
        return new PendingCleanup.Ready(CleanupAction.of(cleanup.name(), cleanup.priority(),
                cleanup.timeout().orElse(defaultTimeout), call(cleanup, instance, event)),
                creationOrder.rankOf(instance).orElse(-1));
    }

    /** The instance the bean's context holds, without creating one. */
    private Optional<Object> existingInstance(Bean<?> bean) {
        try {
            return Optional.ofNullable(beans.getContext(bean.getScope()).get(bean));
        } catch (ContextNotActiveException e) {
            LOG.fine(() -> "The @" + bean.getScope().getSimpleName() + " context is not active: no instance of "
                    + bean.getBeanClass().getName() + " to clean up");
            return Optional.empty();
        }
    }

    private static CleanupAction.Body call(DeclaredCleanup cleanup, Object instance, ShutdownPhaseEvent event) {
        Method method = cleanup.method();
        return () -> {
            method.trySetAccessible();
            try {
                return cleanup.takesEvent() ? method.invoke(instance, event) : method.invoke(instance);
            } catch (InvocationTargetException e) {
                Throwable thrown = e.getCause();
                if (thrown instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) thrown;
            }
        };
    }
}
