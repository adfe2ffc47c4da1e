package dev.flux.shutdown.tck.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;

/**
 * An application that builds its own Micrometer registry and offers it as a bean (instead of adding it to the
 * global one) finds the shutdown's meters there, tagged with its name ({@code application} outside a server), and
 * none in the global registry.
 */
@ExtendWith(ArquillianExtension.class)
class MeterRegistryBeanTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library()
                .addClass(ApplicationRegistry.class);
    }

    /** The application's registry, as applications that export it themselves produce it. */
    @ApplicationScoped
    static class ApplicationRegistry {
        @Produces
        @Singleton
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    Shutdown shutdown;

    @Test
    void theShutdownsMetersAreInTheApplicationsOwnRegistry() {
        assertThat(shutdown.phase()).isEmpty();

        assertThat(registry.get("flux.shutdown.phase").tag("app", "application").gauge().value()).isZero();
        assertThat(registry.get("flux.shutdown.in.flight").tag("app", "application").gauge().value()).isZero();
        assertThat(Metrics.globalRegistry.find("flux.shutdown.phase").gauges()).isEmpty();
    }
}
