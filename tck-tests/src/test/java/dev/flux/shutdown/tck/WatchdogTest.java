package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.deployment.HangingPreparingObserver;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/**
 * A shutdown that gets stuck never outlives {@code flux.shutdown.timeout}: the watchdog halts the process with
 * {@code forced-exit-code}.
 */
@ExtendWith(ArquillianExtension.class)
class WatchdogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int FORCED_EXIT_CODE = 42;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of(
                "flux.shutdown.timeout", TIMEOUT.toSeconds() + "s",
                "flux.shutdown.drain.timeout", "1s",
                "flux.shutdown.readiness-delay", "0s",
                "flux.shutdown.forced-exit-code", String.valueOf(FORCED_EXIT_CODE)))
                .addClasses(HangingPreparingObserver.class, RecordingProcessExit.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    HangingPreparingObserver stuck;

    @Inject
    RecordingProcessExit exit;

    @Test
    void stuckShutdownIsHaltedWithForcedExitCodeOnceTimeoutPasses() throws Exception {
        try {
            long start = System.nanoTime();
            assertThat(shutdown.initiate("watchdog test")).isTrue();
            assertThat(stuck.awaitStuck()).isTrue();

            int haltCode = exit.awaitHalt();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(haltCode).isEqualTo(FORCED_EXIT_CODE);
            assertThat(elapsed).isBetween(TIMEOUT, TIMEOUT.plusSeconds(20));
            assertThat(exit.exitCodes()).as("no normal exit while stuck").isEmpty();
            assertThat(exit.haltCodes()).containsExactly(FORCED_EXIT_CODE);
        } finally {
            releaseTheStuckShutdown();
        }
    }

    // cleanup in finally, not @AfterEach: Arquillian's JUnit 5 integration does not run @AfterEach in an embedded
    // (local) container
    private void releaseTheStuckShutdown() throws Exception {
        stuck.release();
        exit.awaitExit();
    }
}
