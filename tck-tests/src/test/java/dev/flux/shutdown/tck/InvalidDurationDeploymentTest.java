package dev.flux.shutdown.tck;

import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An invalid duration fails the deployment at startup, not the shutdown later. Arquillian fails this test if the deployment
 * succeeds; {@link InvalidConfigurationMessageTest} shows the message.
 */
@ExtendWith(ArquillianExtension.class)
class InvalidDurationDeploymentTest {

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.drain.timeout", "10 parsecs"));
    }

    @Test
    void invalidDurationFailsTheDeployment() {
        // the assertion is @ShouldThrowException on the deployment
    }
}
