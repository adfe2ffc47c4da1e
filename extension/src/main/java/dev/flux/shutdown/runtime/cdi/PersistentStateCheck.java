package dev.flux.shutdown.runtime.cdi;

import java.lang.annotation.Annotation;

import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.EventContext;

import jakarta.enterprise.inject.spi.CDI;

import dev.flux.shutdown.runtime.ShutdownConfig;

/**
 * On CDI Lite, fails the application's start when its {@code @Persistent} beans cannot be checkpointed (two share a
 * file, or the state directory cannot be created or written), as the portable extension fails the deployment on CDI
 * Full: a synthetic observer of the application's start that the build-compatible extension registers only when the
 * build found a {@code @Persistent} bean. Its parameters are {@value #CLASSES}, those bean classes, and
 * {@value #SCOPES}, their scopes (same order).
 */
public final class PersistentStateCheck implements SyntheticObserver<Object> {

    static final String CLASSES = "classes";
    static final String SCOPES = "scopes";

    @Override
    public void observe(EventContext<Object> event, Parameters params) {
        String[] classes = params.get(CLASSES, String[].class, new String[0]);
        String[] scopes = params.get(SCOPES, String[].class, new String[0]);
        PersistentDiscovery discovery = new PersistentDiscovery();
        for (int i = 0; i < classes.length; i++) {
            Class<? extends Annotation> scope = DiscoveredCleanups.FromBuild.load(scopes[i])
                    .asSubclass(Annotation.class);
            // the build refused other scopes already
            discovery.add(DiscoveredCleanups.FromBuild.load(classes[i]), scope);
        }
        ShutdownConfig config = CDI.current().select(ShutdownConfig.class).get();
        String problems = String.join("\n", discovery.deploymentProblems(config));
        if (!problems.isEmpty()) {
            throw new DeploymentException(problems);
        }
    }
}
