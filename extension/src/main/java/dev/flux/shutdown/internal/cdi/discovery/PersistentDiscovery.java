package dev.flux.shutdown.internal.cdi.discovery;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.state.CheckpointStore;
import dev.flux.shutdown.internal.state.PersistentType;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.file.CheckpointFileNames;
import dev.flux.shutdown.internal.state.CheckpointStores;
import dev.flux.shutdown.internal.cdi.DataSourceLookup;

/**
 * The deployment rules of {@code @Persistent} beans, in plain terms (a bean class and its scope) so that every
 * flavour of the extension applies the same ones: one instance per application ({@code @ApplicationScoped} or
 * {@code @Singleton}), one checkpoint file per bean, and a usable state directory when there is any such bean.
 */
public final class PersistentDiscovery {

    private final Map<String, PersistentType> byFile = new LinkedHashMap<>();
    private final List<String> clashes = new ArrayList<>();

    /**
     * Records a {@code @Persistent} bean class.
     *
     * @param scope the bean's scope annotation
     * @return the definition problem, when the scope allows more than one instance (or none that lives long)
     */
    public Optional<String> add(Class<?> beanClass, Class<? extends Annotation> scope) {
        PersistentType type = PersistentType.of(beanClass).orElseThrow(
                () -> new IllegalArgumentException(beanClass + " is not @Persistent"));
        Optional<String> scopeProblem = scopeProblem(beanClass.getName(), scope.getName());
        if (scopeProblem.isPresent()) {
            return scopeProblem;
        }
        String file = CheckpointFileNames.of(type.name());
        // compared without case: macOS and Windows file systems would put both in one file
        PersistentType other = byFile.putIfAbsent(file.toLowerCase(Locale.ROOT), type);
        if (other != null && other.beanClass() != beanClass) {
            clashes.add("FLUX-0492 @Persistent beans " + other.beanClass().getName() + " and " + beanClass.getName()
                    + " would share the checkpoint file " + file + " (names '" + other.name() + "' and '"
                    + type.name() + "'): give one of them another name with @Persistent(\"...\")");
        }
        return Optional.empty();
    }

    /**
     * The definition problem of a {@code @Persistent} bean in the given scope (by class names, so that a build-time
     * extension can ask too), or empty when the scope keeps one instance per application.
     */
    public static Optional<String> scopeProblem(String beanClass, String scope) {
        if (scope.equals(ApplicationScoped.class.getName()) || scope.equals(Singleton.class.getName())) {
            return Optional.empty();
        }
        String simpleName = scope.substring(scope.lastIndexOf('.') + 1);
        String scopeName = "@" + simpleName
                + (scope.equals(Dependent.class.getName()) ? " (no scope annotation means @Dependent)" : "");
        return Optional.of("FLUX-0490 @Persistent bean " + beanClass + " is " + scopeName
                + ", but a checkpoint holds the state of one instance per application: make it"
                + " @ApplicationScoped or @Singleton, or remove @Persistent");
    }

    private String storeProblem(StateConfig state, CheckpointStore store, IOException e) {
        String beans = byFile.size() + " @Persistent bean(s)";
        if (state.store() == StateConfig.StoreKind.FILE) {
            return "FLUX-0491 " + StateConfig.DIR + "=" + state.dir() + " (" + store + ") cannot hold the checkpoints"
                    + " of " + beans + ": " + e.getMessage() + ". Point " + StateConfig.DIR + " at a directory this"
                    + " process can create and write (owner-only, 0700)";
        }
        return "FLUX-0491 The checkpoint store " + StateConfig.STORE + "="
                + state.store().name().toLowerCase(Locale.ROOT) + " (" + store + ") cannot hold the checkpoints of "
                + beans + ": " + e.getMessage();
    }

    /** Whether any {@code @Persistent} bean was found. */
    public boolean any() {
        return !byFile.isEmpty();
    }

    /**
     * The problems that fail the deployment: beans that would share a checkpoint, and, if any bean is
     * {@code @Persistent} and the library is enabled, a state directory that cannot hold checkpoints.
     */
    public List<String> deploymentProblems(ShutdownConfig config) {
        return deploymentProblems(config, null);
    }

    /**
     * As {@link #deploymentProblems(ShutdownConfig)}; {@code beans} is where the JDBC store finds its data source.
     * Without them (CDI Lite checks while the container starts, when no bean can be looked up yet) the JDBC store
     * is left to {@link StateCheckpoints}, which checks it when the application has started.
     */
    public List<String> deploymentProblems(ShutdownConfig config, Instance<Object> beans) {
        List<String> problems = new ArrayList<>(clashes);
        boolean storeNeedsBeans = config.state().store() == StateConfig.StoreKind.JDBC;
        if (any() && config.enabled() && (beans != null || !storeNeedsBeans)) {
            CheckpointStore store = CheckpointStores.create(config.state(), DataSourceLookup.of(beans, config.state()));
            try {
                store.prepare();
            } catch (IOException e) {
                problems.add(storeProblem(config.state(), store, e));
            }
        }
        return problems;
    }
}
