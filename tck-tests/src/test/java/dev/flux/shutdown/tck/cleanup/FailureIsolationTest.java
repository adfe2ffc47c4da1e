package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.cleanup.isolation.FlakyResources;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** A cleanup that throws and one that hangs are reported; the cleanups around them still run. */
@ExtendWith(ArquillianExtension.class)
class FailureIsolationTest {

    private static final String FLAKY = Pattern.quote(FlakyResources.class.getName());

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.exit-code", "0", "flux.shutdown.forced-exit-code", "3"))
                .addClasses(RecordingProcessExit.class, CleanupLog.class, FlakyResources.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CleanupLog log;

    @Inject
    FlakyResources resources;

    @Test
    void cleanupsAroundAThrowingAndAHangingCleanupStillRun() throws Exception {
        shutDown();

        assertThat(log.entries()).containsExactly("goodBefore", "goodAfter");
    }

    @Test
    void throwingCleanupIsReportedFailedWithItsException() throws Exception {
        shutDown();

        assertThat(CleaningReport.of(shutdown).details()).anySatisfy(line -> assertThat(line).matches(FLAKY
                + "#throwing \\[priority 2\\]: failed in \\d+ms: java.lang.IllegalStateException: cannot release"
                + " the lock"));
    }

    @Test
    void hangingCleanupIsReportedTimedOutAfterItsOwnBound() throws Exception {
        shutDown();

        assertThat(CleaningReport.of(shutdown).details()).anySatisfy(line -> assertThat(line).matches(FLAKY
                + "#hanging \\[priority 3\\]: timed out after (3\\d\\d|[4-9]\\d\\d)ms"));
    }

    @Test
    void timedOutCleanupMakesTheExitCodeForcedExitCode() throws Exception {
        shutDown();

        assertThat(exit.awaitExit()).isEqualTo(3);
        assertThat(CleaningReport.of(shutdown).complete()).isFalse();
        assertThat(CleaningReport.of(shutdown).summary())
                .isEqualTo("5 cleanups: 3 ok, 1 failed, 1 timed out, 0 skipped");
    }

    private void shutDown() throws Exception {
        resources.touch();
        shutdown.initiate("test");
        exit.awaitExit();
    }
}
