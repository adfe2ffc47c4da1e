package dev.flux.shutdown.tck;

import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.runtime.cdi.DefaultShutdown;
import dev.flux.shutdown.runtime.cdi.FluxShutdownExtension;
import dev.flux.shutdown.runtime.health.ShutdownReadinessCheck;

/**
 * A Weld SE container that the test boots and closes itself, for what an Arquillian deployment cannot show: the
 * container closing while the test still watches, and the exception that a failing boot throws. Each container
 * reads exactly the properties its test gives: they are registered for a class loader of its own, which is the
 * context class loader while the container boots and closes.
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

    /**
     * Boots the library (its extension and beans, no discovery) with {@code properties}, plus the test's own
     * extensions and bean classes.
     */
    public static OwnContainer boot(Map<String, String> properties, Extension extension, Class<?>... beans) {
        ClassLoader scope = new ClassLoader("flux-shutdown-test-config", OwnContainer.class.getClassLoader()) {
        };
        Config config = new SmallRyeConfigBuilder().forClassLoader(scope)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, scope);
        try {
            SeContainer container = withContextClassLoader(scope, () -> SeContainerInitializer.newInstance()
                    .disableDiscovery()
                    .addExtensions(new FluxShutdownExtension(), extension)
                    .addPackages(false, DefaultShutdown.class, ShutdownReadinessCheck.class)
                    .addBeanClasses(beans)
                    .initialize());
            return new OwnContainer(scope, config, container);
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    public SeContainer container() {
        return container;
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

    private static <T> T withContextClassLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
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
