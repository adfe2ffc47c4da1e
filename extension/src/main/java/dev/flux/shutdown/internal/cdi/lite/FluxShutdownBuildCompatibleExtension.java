package dev.flux.shutdown.internal.cdi.lite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.inject.Singleton;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.Persistent;
import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.cdi.DiscoveredCleanups;
import dev.flux.shutdown.internal.cdi.discovery.CleanupCandidate;
import dev.flux.shutdown.internal.cdi.discovery.CleanupDiscovery;
import dev.flux.shutdown.internal.cdi.discovery.LanguageModelCleanups;
import dev.flux.shutdown.internal.cdi.discovery.LongLivedDiscovery;
import dev.flux.shutdown.internal.cdi.discovery.PersistentDiscovery;
import dev.flux.shutdown.internal.cdi.discovery.WebSocketDiscovery;
import dev.flux.shutdown.internal.cdi.interceptor.EndsAtDraining;
import dev.flux.shutdown.internal.cdi.interceptor.RestoreState;
import dev.flux.shutdown.internal.cdi.interceptor.TrackCreation;
import dev.flux.shutdown.internal.cdi.interceptor.TrackWebSocket;
import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;

/**
 * The build-compatible extension for CDI Lite runtimes (Quarkus ArC), which do not run portable extensions: it does at
 * build time what {@link FluxShutdownExtension} does at deployment, with the same rules ({@link CleanupDiscovery}).
 * It binds the creation-order interceptor to every class with a cleanup, fails the build on an invalid
 * {@code @Cleanup}, provides the beans with cleanups to the runtime as the {@link DiscoveredCleanups} bean, and
 * binds the restore interceptor to every {@code @Persistent} bean (failing the build on an unsupported scope) and
 * has their state directory checked when the application starts ({@link PersistentStateCheck}).
 * Where the portable extension runs (CDI Full), this one is skipped. The configuration is validated when the
 * application starts, as on every runtime (see {@code ShutdownTriggers}).
 *
 * <p>Each concern that marks beans adds its binding in its own {@link Enhancement} method, as the portable
 * extension does in its {@code ProcessAnnotatedType} observers.
 */
@SkipIfPortableExtensionPresent(FluxShutdownExtension.class)
public class FluxShutdownBuildCompatibleExtension implements BuildCompatibleExtension {

    private final List<String> classesWithCleanups = new ArrayList<>();
    private final List<String> scopesOfThem = new ArrayList<>();
    private final List<String> persistentClasses = new ArrayList<>();
    private final List<String> persistentScopes = new ArrayList<>();

    /**
     * Binds the creation-order interceptor to every class that declares a cleanup, before its bean is defined;
     * subclasses inherit the binding. Only the classes that declare {@code @Cleanup} are visited: a class whose
     * supertypes are missing from the classpath (e.g. an integration with an absent optional library) cannot be
     * inspected, and cannot be a bean either.
     */
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = Cleanup.class)
    public void trackCreation(ClassConfig type) {
        type.addAnnotation(TrackCreation.class);
    }

    /** Binds the restore interceptor to every {@code @Persistent} class, as the portable extension does. */
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = Persistent.class)
    public void bindRestore(ClassConfig type) {
        if (type.info().hasAnnotation(Persistent.class)) {
            type.addAnnotation(RestoreState.class);
        }
    }

    /**
     * Binds the interceptors of long-lived responses: to the methods of resource classes that open an event stream or
     * a long poll, and to the open and close methods of WebSocket server endpoints. Every class is looked at, by
     * annotation and type names (naming a JAX-RS or WebSocket type here would keep the extension from loading where it
     * is absent); only the methods of resource classes and endpoints are read.
     */
    @Enhancement(types = Object.class, withSubtypes = true)
    public void bindLongLived(ClassConfig type) {
        if (LongLivedDiscovery.isResource(type.info())) {
            type.methods().stream()
                    .filter(method -> LongLivedDiscovery.opensLongLived(method.info()))
                    .forEach(method -> method.addAnnotation(EndsAtDraining.class));
        }
        if (WebSocketDiscovery.isEndpoint(type.info())) {
            type.methods().stream()
                    .filter(method -> WebSocketDiscovery.opensOrCloses(method.info()))
                    .forEach(method -> method.addAnnotation(TrackWebSocket.class));
        }
    }

    /**
     * Fails the build for a {@code @Persistent} bean whose scope does not keep one instance per application, and
     * records the valid ones for the check at startup.
     */
    @Registration(types = Object.class)
    public void checkPersistentBean(BeanInfo bean, Messages messages) {
        if (bean.isClassBean() && bean.declaringClass().hasAnnotation(Persistent.class)) {
            String scope = bean.scope().annotation().name();
            Optional<String> problem = PersistentDiscovery.scopeProblem(bean.declaringClass().name(), scope);
            if (problem.isPresent()) {
                messages.error(problem.get(), bean);
            } else {
                persistentClasses.add(bean.declaringClass().name());
                persistentScopes.add(scope);
            }
        }
    }

    /** Checks the cleanups of every class bean and records the valid ones; an invalid one fails the build. */
    @Registration(types = Object.class)
    public void findCleanups(BeanInfo bean, Messages messages) {
        if (!bean.isClassBean()) {
            return;
        }
        ClassInfo beanClass = bean.declaringClass();
        List<CleanupCandidate> candidates = LanguageModelCleanups.candidatesOf(beanClass);
        if (candidates.isEmpty()) {
            return;
        }
        String scope = bean.scope().annotation().name();
        List<String> problems = CleanupDiscovery.problems(beanClass.name(), scope, candidates);
        if (problems.isEmpty()) {
            classesWithCleanups.add(beanClass.name());
            scopesOfThem.add(scope);
        }
        problems.forEach(problem -> messages.error(problem, bean));
    }

    /** The application's one {@link ShutdownConfig}, read and validated once when the application first needs it. */
    @Synthesis
    public void provideConfiguration(SyntheticComponents components) {
        components.addBean(ShutdownConfig.class)
                .type(ShutdownConfig.class)
                .scope(Singleton.class)
                .createWith(ConfigurationFromRuntime.class);
    }

    /** Provides what was found to the runtime, which reads each class's cleanups again by reflection. */
    @Synthesis
    public void provideCleanups(SyntheticComponents components) {
        components.addBean(DiscoveredCleanups.class)
                .type(DiscoveredCleanups.class)
                .scope(Singleton.class)
                .withParam(DiscoveredCleanups.FromBuild.CLASSES, classesWithCleanups.toArray(String[]::new))
                .withParam(DiscoveredCleanups.FromBuild.SCOPES, scopesOfThem.toArray(String[]::new))
                .createWith(DiscoveredCleanups.FromBuild.class);
    }

    /**
     * Has the state directory checked when the application starts, if there is a {@code @Persistent} bean (the
     * portable extension checks it at {@code AfterDeploymentValidation}).
     */
    @Synthesis
    public void checkStateAtStartup(SyntheticComponents components) {
        if (persistentClasses.isEmpty()) {
            return;
        }
        components.addBean(PersistentStateCheck.class)
                .type(PersistentStateCheck.class)
                .scope(Singleton.class)
                .withParam(PersistentStateCheck.CLASSES, persistentClasses.toArray(String[]::new))
                .withParam(PersistentStateCheck.SCOPES, persistentScopes.toArray(String[]::new))
                .createWith(PersistentStateCheck.FromBuild.class);
    }
}
