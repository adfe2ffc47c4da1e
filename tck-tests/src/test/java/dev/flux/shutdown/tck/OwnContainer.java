package dev.flux.shutdown.tck;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;

/**
 * A Weld SE container that the test boots and closes itself, for what an Arquillian deployment cannot show: the
 * container closing while the test still watches, and the exception that a failing boot throws. It holds the same
 * library classes as {@link Deployments#library()}, discovered the way the library's {@code beans.xml} asks
 * ({@code annotated}). Each container reads exactly the properties its test gives: they are registered for a class
 * loader of its own, which is the context class loader while the container boots and closes.
 */
public final class OwnContainer implements AutoCloseable {

    private final ClassLoader scope;
    private final Config config;
    private final SeContainer container;

    private OwnContainer(ClassLoader scope, Config config, SeContainer container) {
        this.scope = scope;
        this.config = config;
        this.container = container;
    }

    /** Boots the library with {@code properties}, plus the test's own extension (e.g. to record what happens). */
    public static OwnContainer boot(Map<String, String> properties, Extension testExtension) {
        return boot(properties, testExtension, new Class<?>[0]);
    }

    /** As {@link #boot(Map, Extension)}, with the test's own {@code beans} too (a runtime's producers). */
    public static OwnContainer boot(Map<String, String> properties, Extension testExtension, Class<?>... beans) {
        ClassLoader scope = new ClassLoader("flux-shutdown-test-config", OwnContainer.class.getClassLoader()) {
        };
        Config config = new SmallRyeConfigBuilder().forClassLoader(scope)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, scope);
        try {
            SeContainer container = withContextClassLoader(scope, () -> new Weld()
                    .disableDiscovery()
                    .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                    .addBeanClasses(libraryClasses())
                    .addBeanClasses(beans)
                    .addExtensions(new FluxShutdownExtension(), testExtension)
                    .initialize());
            return new OwnContainer(scope, config, container);
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    /** The running container's bean manager, to see which beans the deployment has. */
    public BeanManager beanManager() {
        return container.getBeanManager();
    }

    /** Closes the container, as a runtime stopping would, and forgets the configuration. */
    @Override
    public void close() {
        try {
            if (container.isRunning()) {
                withContextClassLoader(scope, () -> {
                    container.close();
                    return null;
                });
            }
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    private static Class<?>[] libraryClasses() {
        return Deployments.library().getContent().keySet().stream()
                .map(ArchivePath::get)
                .filter(path -> path.endsWith(".class"))
                .map(path -> path.substring(1, path.length() - ".class".length()).replace('/', '.'))
                .map(OwnContainer::load)
                .toArray(Class<?>[]::new);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OwnContainer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The library deployment lists " + name + ", which cannot be loaded", e);
        }
    }

    private static <T> T withContextClassLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
