package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.internal.cdi.DiscoveredCleanups;
import dev.flux.shutdown.internal.cdi.lite.FluxShutdownBuildCompatibleExtension;
import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;
import dev.flux.shutdown.tck.deployment.RecordingExtension;

/**
 * The jar lists both flavours of its extension. On CDI Full (Weld) the portable one does the work and the
 * build-compatible one, meant for CDI Lite (Quarkus), is skipped: were both to run, the deployment would have two
 * {@link DiscoveredCleanups} beans and fail.
 */
class BuildCompatibleExtensionSkippedTest {

    @Test
    void weldRunsThePortableExtensionAndSkipsTheBuildCompatibleOne() {
        // Weld SE is offered the build-compatible extension, through the jar's service file (and would translate it
        // into a portable extension of its own, were it not marked to be skipped)
        assertThat(ServiceLoader.load(BuildCompatibleExtension.class).stream().map(ServiceLoader.Provider::type))
                .contains(FluxShutdownBuildCompatibleExtension.class);

        try (OwnContainer app = OwnContainer.boot(Map.of(), new RecordingExtension())) {
            BeanManager beans = app.beanManager();

            assertThat(beans.getBeans(DiscoveredCleanups.class)).singleElement()
                    .extracting(Bean::getBeanClass).isEqualTo(FluxShutdownExtension.class);
        }
    }
}
