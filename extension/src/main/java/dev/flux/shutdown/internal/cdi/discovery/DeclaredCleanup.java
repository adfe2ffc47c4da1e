package dev.flux.shutdown.internal.cdi.discovery;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A valid {@code @Cleanup} method of a bean, as discovered at deployment.
 *
 * @param beanClass  the bean's declared class (never a generated subclass), which names it in logs and reports
 * @param method     the method, declared by the bean class or one of its superclasses
 * @param priority   its {@code @Priority}, from the method or else from the bean class
 * @param timeout    its own bound, or empty for {@code flux.shutdown.cleanup.timeout}
 * @param takesEvent whether it takes the CLEANING {@code ShutdownPhaseEvent} as its one parameter
 */
public record DeclaredCleanup(Class<?> beanClass, Method method, OptionalInt priority, Optional<Duration> timeout,
        boolean takesEvent) {

    public DeclaredCleanup {
        Objects.requireNonNull(beanClass, "beanClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code com.acme.Orders#closePool}: how logs and reports name it. */
    public String name() {
        return beanClass.getName() + "#" + method.getName();
    }
}
