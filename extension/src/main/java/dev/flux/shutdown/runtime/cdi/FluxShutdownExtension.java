package dev.flux.shutdown.runtime.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.flux.shutdown.runtime.ShutdownConfig;

/**
 * The portable extension for CDI Full runtimes (Weld, OpenWebBeans): fails the deployment when the configuration
 * is invalid, so that a bad value is found at startup and not at shutdown.
 */
public class FluxShutdownExtension implements Extension {

    void validateConfiguration(@Observes AfterDeploymentValidation validation) {
        try {
            ShutdownConfig.read(ConfigProvider.getConfig());
        } catch (DeploymentException e) {
            validation.addDeploymentProblem(e);
        }
    }
}
