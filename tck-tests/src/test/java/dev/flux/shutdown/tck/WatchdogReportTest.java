package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

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
 * When the watchdog halts a stuck shutdown, the last lines logged say so: the stuck phase timed out, the shutdown is
 * incomplete, and the exit code is {@code forced-exit-code}.
 */
@ExtendWith(ArquillianExtension.class)
class WatchdogReportTest {

    @Deployment
    static JavaArchive deployment() {
        return WatchdogTest.deployment();
    }

    @Inject
    Shutdown shutdown;

    @Inject
    HangingPreparingObserver stuck;

    @Inject
    RecordingProcessExit exit;

    @Test
    void reportLoggedAtHaltNamesTheStuckPhaseAndTheForcedExitCode() throws Exception {
        try (CapturedLog log = CapturedLog.of("dev.flux.shutdown")) {
            assertThat(shutdown.initiate("watchdog report test")).isTrue();
            exit.awaitHalt();

            assertThat(log.withCode("FLUX-0010")).singleElement().asString()
                    .contains("PREPARING", "TIMED-OUT", "still running");
            assertThat(log.withCode("FLUX-0012")).singleElement().asString()
                    .contains("incomplete", "exit code " + WatchdogTest.FORCED_EXIT_CODE);
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
