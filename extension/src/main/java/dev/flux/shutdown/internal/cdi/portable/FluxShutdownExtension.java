package dev.flux.shutdown.internal.cdi.portable;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;


import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.Persistent;
import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.observe.Observers;
import dev.flux.shutdown.internal.observe.mpmetrics.MicroProfileMeters;
import dev.flux.shutdown.internal.observe.mpmetrics.RegistryInjection;
import dev.flux.shutdown.internal.state.PersistentType;
import dev.flux.shutdown.internal.cdi.ContextualCleanups;
import dev.flux.shutdown.internal.cdi.DiscoveredCleanups;
import dev.flux.shutdown.internal.cdi.discovery.CleanupDiscovery;
import dev.flux.shutdown.internal.cdi.discovery.LongLivedDiscovery;
import dev.flux.shutdown.internal.cdi.discovery.PersistentDiscovery;
import dev.flux.shutdown.internal.cdi.discovery.WebSocketDiscovery;
import dev.flux.shutdown.internal.cdi.interceptor.EndsAtDraining;
import dev.flux.shutdown.internal.cdi.interceptor.RestoreState;
import dev.flux.shutdown.internal.cdi.interceptor.TrackCreation;
import dev.flux.shutdown.internal.cdi.interceptor.TrackWebSocket;

/**
 * The portable extension for CDI Full runtimes (Weld, OpenWebBeans): finds the {@code @Cleanup} methods of the
 * deployment's beans (failing the deployment on an invalid one), has the creation of their beans recorded and
 * provides what it found as the {@link DiscoveredCleanups} bean; binds the restore interceptor to every
 * {@code @Persistent} bean; and fails the deployment when the configuration or a declaration is invalid, so that
 * mistakes are found at startup, not at shutdown. On CDI Lite, {@link FluxShutdownBuildCompatibleExtension} does the
 * same with the same rules.
 */
public class FluxShutdownExtension implements Extension {

    private final List<ContextualCleanups.Entry> cleanups = new ArrayList<>();
    private final PersistentDiscovery persistent = new PersistentDiscovery();
    /** The configuration, read once during deployment and given to every bean; none when it is invalid. */
    private ShutdownConfig config;
    private DeploymentException invalidConfiguration;

    /**
     * Adds {@link RegistryInjection} as a bean where the MicroProfile Metrics API is visible to the library: the
     * application's registry is then selected through an injection point, which SmallRye Metrics' producer needs.
     */
    void addRegistryInjection(@Observes BeforeBeanDiscovery before) {
        if (Observers.present(MicroProfileMeters.API, getClass().getClassLoader())) {
            before.addAnnotatedType(RegistryInjection.class, RegistryInjection.class.getName());
        }
    }

    /** Binds the creation-order interceptor to every class with a cleanup, before its bean is defined. */
    <T> void trackCreation(@Observes @WithAnnotations(Cleanup.class) ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().getMethods().stream().anyMatch(m -> m.isAnnotationPresent(Cleanup.class))) {
            type.configureAnnotatedType().add(TrackCreation.Literal.INSTANCE);
        }
    }

    <T> void bindRestore(@Observes @WithAnnotations(Persistent.class) ProcessAnnotatedType<T> type) {
        if (PersistentType.isDeclaredOn(type.getAnnotatedType().getJavaClass())) {
            type.configureAnnotatedType().add(RestoreState.Literal.INSTANCE);
        }
    }

    /**
     * Binds the interceptors of long-lived responses: to the resource methods that open an event stream or a long
     * poll, and to the open and close methods of WebSocket server endpoints. Every type is looked at, by annotation
     * and type names: naming a JAX-RS or WebSocket type here would keep the extension from loading where it is absent.
     */
    <T> void bindLongLived(@Observes ProcessAnnotatedType<T> type) {
        AnnotatedType<T> annotated = type.getAnnotatedType();
        if (LongLivedDiscovery.isResource(annotated.getAnnotations())
                && annotated.getMethods().stream().anyMatch(m -> LongLivedDiscovery.opensLongLived(m.getJavaMember()))) {
            type.configureAnnotatedType()
                    .filterMethods(m -> LongLivedDiscovery.opensLongLived(m.getJavaMember()))
                    .forEach(m -> m.add(EndsAtDraining.Literal.INSTANCE));
        }
        if (WebSocketDiscovery.isEndpoint(annotated.getAnnotations())) {
            type.configureAnnotatedType()
                    .filterMethods(m -> WebSocketDiscovery.opensOrCloses(m.getJavaMember()))
                    .forEach(m -> m.add(TrackWebSocket.Literal.INSTANCE));
        }
    }

    <T> void checkPersistentBean(@Observes ProcessManagedBean<T> bean) {
        Class<?> beanClass = bean.getAnnotatedBeanClass().getJavaClass();
        if (PersistentType.isDeclaredOn(beanClass)) {
            persistent.add(beanClass, bean.getBean().getScope())
                    .ifPresent(problem -> bean.addDefinitionError(new DefinitionException(problem)));
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
        provideConfiguration(discovery);
        discovery.addBean()
                .types(DiscoveredCleanups.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> new DiscoveredCleanups(cleanups()));
    }

    void validateConfiguration(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        if (invalidConfiguration != null) {
            validation.addDeploymentProblem(invalidConfiguration);
            return;
        }
        persistent.deploymentProblems(config, beans.createInstance())
                .forEach(problem -> validation.addDeploymentProblem(new DeploymentException(problem)));
    }

    /**
     * Reads and validates the configuration once, and makes it the application's {@link ShutdownConfig} bean; an
     * invalid one fails the deployment at validation with every problem it has.
     */
    private void provideConfiguration(AfterBeanDiscovery discovery) {
        try {
            config = ShutdownConfig.read(ConfigProvider.getConfig());
        } catch (DeploymentException e) {
            invalidConfiguration = e;
        }
        discovery.addBean()
                .types(ShutdownConfig.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> {
                    if (config == null) {
                        throw invalidConfiguration;
                    }
                    return config;
                });
    }

    private List<ContextualCleanups.Entry> cleanups() {
        synchronized (cleanups) {
            return List.copyOf(cleanups);
        }
    }
}
