package dev.flux.shutdown.runtime.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.flux.shutdown.Persistent;
import dev.flux.shutdown.runtime.ShutdownConfig;
import dev.flux.shutdown.runtime.state.PersistentType;

/**
 * The portable extension for CDI Full runtimes (Weld, OpenWebBeans): fails the deployment when the configuration
 * is invalid, so that a bad value is found at startup and not at shutdown, and binds the restore interceptor to
 * every {@code @Persistent} bean.
 */
public class FluxShutdownExtension implements Extension {

    private final PersistentDiscovery persistent = new PersistentDiscovery();

    <T> void bindRestore(@Observes @WithAnnotations(Persistent.class) ProcessAnnotatedType<T> type) {
        if (PersistentType.isDeclaredOn(type.getAnnotatedType().getJavaClass())) {
            type.configureAnnotatedType().add(RestoreState.Literal.INSTANCE);
        }
    }

    <T> void checkPersistentBean(@Observes ProcessManagedBean<T> bean) {
        Class<?> beanClass = bean.getAnnotatedBeanClass().getJavaClass();
        if (PersistentType.isDeclaredOn(beanClass)) {
            persistent.add(beanClass, bean.getBean().getScope())
                    .ifPresent(problem -> bean.addDefinitionError(new DefinitionException(problem)));
        }
    }

    void validateConfiguration(@Observes AfterDeploymentValidation validation) {
        ShutdownConfig config;
        try {
            config = ShutdownConfig.read(ConfigProvider.getConfig());
        } catch (DeploymentException e) {
            validation.addDeploymentProblem(e);
            return;
        }
        persistent.deploymentProblems(config)
                .forEach(problem -> validation.addDeploymentProblem(new DeploymentException(problem)));
    }
}
