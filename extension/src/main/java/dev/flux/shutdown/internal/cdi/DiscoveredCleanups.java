package dev.flux.shutdown.internal.cdi;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;
import dev.flux.shutdown.internal.cdi.discovery.CleanupDiscovery;

/**
 * The beans with {@code @Cleanup} methods that the deployment found, as one bean that whichever flavour of the
 * extension ran provides: the portable extension hands over the beans it saw; on CDI Lite, {@link FromBuild}
 * rebuilds them at startup from the class names that the build-compatible extension validated and recorded.
 */
public final class DiscoveredCleanups {

    private final List<ContextualCleanups.Entry> entries;

    public DiscoveredCleanups(List<ContextualCleanups.Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<ContextualCleanups.Entry> entries() {
        return entries;
    }

    /**
     * Creates the bean on CDI Lite from its parameters: {@value #CLASSES}, the bean classes with cleanups, and
     * {@value #SCOPES}, their scopes (same order). The methods are read again by reflection, with the same rules that
     * the build already applied; a bean the runtime removed (never used) keeps its cleanups, reported as skipped.
     */
    public static final class FromBuild implements SyntheticBeanCreator<DiscoveredCleanups> {

        public static final String CLASSES = "classes";
        public static final String SCOPES = "scopes";

        @Override
        public DiscoveredCleanups create(Instance<Object> lookup, Parameters params) {
            String[] classes = params.get(CLASSES, String[].class, new String[0]);
            String[] scopes = params.get(SCOPES, String[].class, new String[0]);
            BeanContainer container = lookup.select(BeanContainer.class).get();
            Set<Bean<?>> beans = container.getBeans(Object.class, Any.Literal.INSTANCE);
            List<ContextualCleanups.Entry> entries = new ArrayList<>();
            for (int i = 0; i < classes.length; i++) {
                Class<?> beanClass = load(classes[i]);
                Class<? extends Annotation> scope = load(scopes[i]).asSubclass(Annotation.class);
                CleanupDiscovery.Result found = CleanupDiscovery.inspect(beanClass, scope,
                        CleanupDiscovery.methodsOf(beanClass));
                if (!found.problems().isEmpty()) {
                    // the build refused these already; seeing them now means the classes changed after the build
                    throw new IllegalStateException(String.join("\n", found.problems()));
                }
                entries.add(new ContextualCleanups.Entry(classBean(beans, beanClass, scope), found.cleanups()));
            }
            return new DiscoveredCleanups(entries);
        }

        /**
         * The bean of {@code beanClass} itself. Producers declared by the class share its bean class; the class bean
         * is the one whose types include the class, or else (restricted with {@code @Typed}) the one of its scope.
         */
        private static Optional<Bean<?>> classBean(Set<Bean<?>> beans, Class<?> beanClass,
                Class<? extends Annotation> scope) {
            List<Bean<?>> declared = beans.stream().filter(b -> b.getBeanClass() == beanClass).toList();
            return declared.stream().filter(b -> b.getTypes().contains(beanClass)).findFirst()
                    .or(() -> declared.stream().filter(b -> b.getScope() == scope).findFirst());
        }

        /** Loads a class that the build found, with the application's class loader. */
        public static Class<?> load(String name) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try {
                return Class.forName(name, false, loader != null ? loader : FromBuild.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("FLUX-0501 " + name + " was found at build time but cannot be"
                        + " loaded at runtime", e);
            }
        }
    }
}
