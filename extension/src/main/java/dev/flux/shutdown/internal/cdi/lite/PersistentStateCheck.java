package dev.flux.shutdown.internal.cdi.lite;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.cdi.DiscoveredCleanups;
import dev.flux.shutdown.internal.cdi.discovery.PersistentDiscovery;

/**
 * On CDI Lite, the {@code @Persistent} beans the build found, so that the application's start fails when they cannot
 * be checkpointed (two share a file, or the state directory cannot be created or written), as the portable extension
 * fails the deployment on CDI Full. The build-compatible extension makes it a bean only when it found such a bean;
 * {@link StateCheckpoints} runs it as the application starts, with the configuration every bean is given.
 */
public final class PersistentStateCheck {

    static final String CLASSES = "classes";
    static final String SCOPES = "scopes";

    private final PersistentDiscovery discovery;

    private PersistentStateCheck(PersistentDiscovery discovery) {
        this.discovery = discovery;
    }

    public List<String> problems(ShutdownConfig config) {
        return discovery.deploymentProblems(config);
    }

    /** Makes the check from the build's parameters: {@value #CLASSES}, the bean classes, and {@value #SCOPES}. */
    public static final class FromBuild implements SyntheticBeanCreator<PersistentStateCheck> {

        @Override
        public PersistentStateCheck create(Instance<Object> lookup, Parameters params) {
            String[] classes = params.get(CLASSES, String[].class, new String[0]);
            String[] scopes = params.get(SCOPES, String[].class, new String[0]);
            PersistentDiscovery discovery = new PersistentDiscovery();
            for (int i = 0; i < classes.length; i++) {
                Class<? extends Annotation> scope = DiscoveredCleanups.FromBuild.load(scopes[i])
                        .asSubclass(Annotation.class);
                // the build refused other scopes already
                discovery.add(DiscoveredCleanups.FromBuild.load(classes[i]), scope);
            }
            return new PersistentStateCheck(discovery);
        }
    }
}
