package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.tck.deployment.RecordingExtension;

/**
 * What a user reads when a {@code flux.shutdown.*} value is invalid: the boot fails with a message naming the key,
 * the value and the expected form. (The Arquillian deployment tests show that the deployment fails; this one boots
 * Weld SE itself to read the message.)
 */
class InvalidConfigurationMessageTest {

    @Test
    void invalidDurationFailsTheBootNamingKeyValueAndExpectedForm() {
        String message = bootFailure(Map.of("flux.shutdown.drain.timeout", "10 parsecs"));

        assertThat(message).contains("FLUX-0100", "flux.shutdown.drain.timeout='10 parsecs'", "500ms, 30s, 2m");
    }

    @Test
    void invalidExitCodeFailsTheBootNamingKeyValueAndExpectedForm() {
        String message = bootFailure(Map.of("flux.shutdown.exit-code", "256"));

        assertThat(message).contains("FLUX-0100", "flux.shutdown.exit-code='256'", "a whole number from 0 to 255");
    }

    @Test
    void inconsistentBoundsFailTheBootNamingTheThreeKeys() {
        String message = bootFailure(Map.of(
                "flux.shutdown.readiness-delay", "5s",
                "flux.shutdown.drain.timeout", "10s",
                "flux.shutdown.timeout", "15s"));

        assertThat(message).contains("FLUX-0100", "flux.shutdown.readiness-delay", "flux.shutdown.drain.timeout",
                "flux.shutdown.timeout", "must be less than");
    }

    @Test
    void everyInvalidKeyIsReportedOnceInOneFailure() {
        String message = bootFailure(Map.of(
                "flux.shutdown.signals", "QUIT",
                "flux.shutdown.forced-exit-code", "-1"));

        assertThat(message).containsOnlyOnce("flux.shutdown.signals='QUIT'")
                .containsOnlyOnce("flux.shutdown.forced-exit-code='-1'");
    }

    /** Boots with {@code properties}, expects the boot to fail, and returns the message that the user reads. */
    private static String bootFailure(Map<String, String> properties) {
        Throwable failure = catchThrowable(() -> OwnContainer.boot(properties, new RecordingExtension()).close());

        assertThat(failure).isInstanceOf(DeploymentException.class);
        return failure.getMessage();
    }
}
