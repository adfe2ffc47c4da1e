package dev.flux.shutdown.internal.state;

import java.util.Objects;
import java.util.Optional;

import dev.flux.shutdown.Persistent;

/**
 * A {@link Persistent} bean class and the name of its checkpoint.
 *
 * @param name      the persistent name: the annotation's value, or the class name when it is empty
 * @param beanClass the class carrying {@code @Persistent}; state is read and written as this type, never as the
 *                  runtime class of an instance (a container's generated subclass)
 */
public record PersistentType(String name, Class<?> beanClass) {

    public PersistentType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(beanClass, "beanClass");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty (" + beanClass.getName() + ")");
        }
    }

    /**
     * The persistent type of a class or of any subclass of it, found by walking up from {@code type} to the first
     * class that declares {@code @Persistent}; this finds the bean class from the subclass that Weld or ArC
     * instantiates to apply interceptors.
     */
    public static Optional<PersistentType> of(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Persistent persistent = c.getDeclaredAnnotation(Persistent.class);
            if (persistent != null) {
                String name = persistent.value().isEmpty() ? c.getName() : persistent.value();
                return Optional.of(new PersistentType(name, c));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type} itself declares {@code @Persistent}. */
    public static boolean isDeclaredOn(Class<?> type) {
        return type.getDeclaredAnnotation(Persistent.class) != null;
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + beanClass.getName() + ")";
    }
}
