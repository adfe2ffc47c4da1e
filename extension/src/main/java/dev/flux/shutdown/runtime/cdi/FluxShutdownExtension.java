package dev.flux.shutdown.runtime.cdi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.runtime.ShutdownConfig;

/**
 * The portable extension for CDI Full runtimes (Weld, OpenWebBeans): finds the {@code @Cleanup} methods of the
 * deployment's beans (failing the deployment on an invalid one), has the creation of their beans recorded, provides
 * what it found as the {@link DiscoveredCleanups} bean, and fails the deployment when the configuration is invalid,
 * so that mistakes are found at startup, not at shutdown. On CDI Lite, {@link FluxShutdownBuildCompatibleExtension}
 * does the same with the same rules.
 */
public class FluxShutdownExtension implements Extension {

    private final List<ContextualCleanups.Entry> cleanups = new ArrayList<>();

    /** Binds the creation-order interceptor to every class with a cleanup, before its bean is defined. */
    <T> void trackCreation(@Observes @WithAnnotations(Cleanup.class) ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().getMethods().stream().anyMatch(m -> m.isAnnotationPresent(Cleanup.class))) {
            type.configureAnnotatedType().add(TrackCreation.Literal.INSTANCE);
        }
    }

    <T> void findCleanups(@Observes ProcessManagedBean<T> managed) {
        if (managed.getAnnotatedBeanClass().getMethods().stream()
                .noneMatch(m -> m.isAnnotationPresent(Cleanup.class))) {
            return;
        }
        Class<?> beanClass = managed.getBean().getBeanClass();
        List<Method> methods = CleanupDiscovery.methodsOf(beanClass);
        CleanupDiscovery.Result found = CleanupDiscovery.inspect(beanClass, managed.getBean().getScope(), methods);
        found.problems().forEach(problem -> managed.addDefinitionError(new DefinitionException(problem)));
        if (!found.cleanups().isEmpty()) {
            synchronized (cleanups) {
                cleanups.add(new ContextualCleanups.Entry(managed.getBean(), found.cleanups()));
            }
        }
    }

    /** Provides what was found to the runtime, as the build-compatible extension does on CDI Lite. */
    void provideCleanups(@Observes AfterBeanDiscovery discovery) {
        discovery.addBean()
                .types(DiscoveredCleanups.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> new DiscoveredCleanups(cleanups()));
    }

    void validateConfiguration(@Observes AfterDeploymentValidation validation) {
        try {
            ShutdownConfig.read(ConfigProvider.getConfig());
        } catch (DeploymentException e) {
            validation.addDeploymentProblem(e);
        }
    }

    private List<ContextualCleanups.Entry> cleanups() {
        synchronized (cleanups) {
            return List.copyOf(cleanups);
        }
    }
}
