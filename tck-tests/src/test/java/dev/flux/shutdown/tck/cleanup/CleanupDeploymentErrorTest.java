package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.enterprise.inject.spi.DefinitionException;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;
import dev.flux.shutdown.tck.cleanup.invalid.CleanupWithNegativeTimeout;
import dev.flux.shutdown.tck.cleanup.invalid.CleanupWithParameter;
import dev.flux.shutdown.tck.cleanup.invalid.CleanupWithUnparsableTimeout;
import dev.flux.shutdown.tck.cleanup.invalid.DependentWithCleanup;
import dev.flux.shutdown.tck.cleanup.invalid.PrivateCleanup;
import dev.flux.shutdown.tck.cleanup.invalid.RequestScopedWithCleanup;
import dev.flux.shutdown.tck.cleanup.invalid.StaticCleanup;

/** An invalid {@code @Cleanup} declaration fails the deployment with a message naming the method and the fix. */
class CleanupDeploymentErrorTest {

    @Test
    void dependentBeanWithACleanupFailsTheDeployment() {
        assertThat(deploy(DependentWithCleanup.class)).isInstanceOf(DefinitionException.class).hasMessageContaining(
                "FLUX-0390 " + DependentWithCleanup.class.getName() + " declares @Cleanup method(s) close but is"
                        + " @Dependent: only @ApplicationScoped and @Singleton beans can have cleanups");
    }

    @Test
    void requestScopedBeanWithACleanupFailsTheDeployment() {
        assertThat(deploy(RequestScopedWithCleanup.class)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("FLUX-0390 " + RequestScopedWithCleanup.class.getName())
                .hasMessageContaining("is @RequestScoped")
                .hasMessageContaining("Make RequestScopedWithCleanup @ApplicationScoped or @Singleton");
    }

    @Test
    void cleanupWithAParameterThatCannotBeSuppliedFailsTheDeployment() {
        assertThat(deploy(CleanupWithParameter.class)).isInstanceOf(DefinitionException.class).hasMessageContaining(
                "FLUX-0393 @Cleanup method " + CleanupWithParameter.class.getName() + "#close(String) has parameters"
                        + " that flux-shutdown cannot supply. Declare no parameter, or one ShutdownPhaseEvent.");
    }

    @Test
    void cleanupWithAnUnparsableTimeoutFailsTheDeployment() {
        assertThat(deploy(CleanupWithUnparsableTimeout.class)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("FLUX-0394 @Cleanup method " + CleanupWithUnparsableTimeout.class.getName()
                        + "#close has @Cleanup(timeout = \"soon\"), which is invalid: expected a positive duration");
    }

    @Test
    void cleanupWithANegativeTimeoutFailsTheDeployment() {
        assertThat(deploy(CleanupWithNegativeTimeout.class)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("FLUX-0394 @Cleanup method " + CleanupWithNegativeTimeout.class.getName()
                        + "#close has @Cleanup(timeout = \"-5s\"), which is invalid: expected a positive duration");
    }

    @Test
    void privateCleanupFailsTheDeployment() {
        assertThat(deploy(PrivateCleanup.class)).isInstanceOf(DefinitionException.class).hasMessageContaining(
                "FLUX-0392 @Cleanup method " + PrivateCleanup.class.getName() + "#close is private");
    }

    @Test
    void staticCleanupFailsTheDeployment() {
        assertThat(deploy(StaticCleanup.class)).isInstanceOf(DefinitionException.class).hasMessageContaining(
                "FLUX-0391 @Cleanup method " + StaticCleanup.class.getName() + "#close is static");
    }

    /** Boots Weld SE with the extension and one bean class, and returns what the boot threw. */
    private static Throwable deploy(Class<?> beanClass) {
        Weld weld = new Weld("flux-cleanup-" + beanClass.getSimpleName()).disableDiscovery().skipShutdownHook()
                .addExtension(new FluxShutdownExtension()).addBeanClass(beanClass);
        Throwable thrown = catchThrowable(() -> {
            try (WeldContainer container = weld.initialize()) {
                assertThat(container.isRunning()).isTrue();
            }
        });
        assertThat(thrown).as("deploying " + beanClass.getSimpleName()).isNotNull();
        return thrown;
    }
}
