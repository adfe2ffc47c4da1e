package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.tck.state.deployment.ClashingTally;
import dev.flux.shutdown.tck.state.deployment.FirstTally;
import dev.flux.shutdown.tck.state.deployment.RequestScopedTally;

/**
 * Mistakes around {@code @Persistent} fail the deployment at startup with a message that says what to change.
 * Each test boots Weld SE with only the beans it names and its own MicroProfile Config.
 */
class DeploymentProblemTest {

    @TempDir
    Path temp;

    /** Starts and stops a container of {@code beans} whose MicroProfile Config is {@code properties}. */
    private static void deploy(Map<String, String> properties, Class<?>... beans) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        ClassLoader scope = new URLClassLoader(new URL[0], original);
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        ConfigProviderResolver.instance().registerConfig(config, scope);
        thread.setContextClassLoader(scope);
        try (SeContainer container = SeContainerInitializer.newInstance().disableDiscovery()
                .addExtensions(new FluxShutdownExtension()).addBeanClasses(beans).initialize()) {
            assertThat(container.isRunning()).isTrue();
        } finally {
            thread.setContextClassLoader(original);
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    private Path notADirectory() throws Exception {
        return Files.writeString(temp.resolve("a-file"), "x");
    }

    @Test
    void persistentBeanOfAnotherScopeFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(StateFiles.stateDir(temp), RequestScopedTally.class))
                .hasMessageContaining("FLUX-0490").hasMessageContaining(RequestScopedTally.class.getName())
                .hasMessageContaining("@RequestScoped").hasMessageContaining("@ApplicationScoped or @Singleton");
    }

    @Test
    void unusableStateDirectoryFailsTheDeploymentNamingKeyPathAndProblem() throws Exception {
        Path file = notADirectory();

        assertThatThrownBy(() -> deploy(StateFiles.stateDir(file), FirstTally.class))
                .hasMessageContaining("FLUX-0491").hasMessageContaining(StateConfig.DIR + "=" + file)
                .hasMessageContaining("not a directory");
    }

    @Test
    void stateDirectoryThatCannotBeCreatedFailsTheDeployment() throws Exception {
        Path below = notADirectory().resolve("state");

        assertThatThrownBy(() -> deploy(StateFiles.stateDir(below), FirstTally.class))
                .hasMessageContaining("FLUX-0491").hasMessageContaining(below.toString())
                .hasMessageContaining("cannot be created");
    }

    @Test
    void applicationWithoutPersistentBeansNeedsNoStateDirectory() throws Exception {
        Path file = notADirectory();

        deploy(StateFiles.stateDir(file));

        assertThat(file).isRegularFile();
    }

    @Test
    void stateDirectoryIsCreatedOwnerOnlyAtStartup() throws Exception {
        Path dir = temp.resolve("new/state");

        deploy(StateFiles.stateDir(dir), FirstTally.class);

        assertThat(Files.getPosixFilePermissions(dir)).extracting(Object::toString).containsExactlyInAnyOrder(
                "OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
    }

    @Test
    void twoBeansWhoseNamesShareAFileFailTheDeployment() {
        assertThatThrownBy(() -> deploy(StateFiles.stateDir(temp), FirstTally.class, ClashingTally.class))
                .hasMessageContaining("FLUX-0492").hasMessageContaining(FirstTally.class.getName())
                .hasMessageContaining(ClashingTally.class.getName());
    }
}
