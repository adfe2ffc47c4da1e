package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.flux.shutdown.internal.ShutdownCoordinator;
import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;
import dev.flux.shutdown.tck.cleanup.close.ClosingResource;

/**
 * Closing the container (an undeployment, {@code SeContainer.close()}) is a shutdown trigger too: the cleanups run
 * once, while the beans are still alive, before the container destroys them.
 */
class ContainerCloseCleanupTest {

    @Test
    void closingTheContainerRunsCleanupsOnceBeforeBeansAreDestroyed() {
        ClosingResource.EVENTS.clear();
        Weld weld = new Weld("flux-cleanup-container-close").disableDiscovery().skipShutdownHook()
                .addExtension(new FluxShutdownExtension())
                .addPackages(true, ShutdownCoordinator.class)
                .addBeanClass(ClosingResource.class);
        try (WeldContainer container = weld.initialize()) {
            container.select(ClosingResource.class).get().touch();
        }

        assertThat(ClosingResource.EVENTS).containsExactly("cleanup", "pre-destroy");
    }
}
