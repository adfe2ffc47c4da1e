package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.cleanup.async.AsyncExporter;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** A cleanup that returns a {@code CompletionStage} is finished only when the stage completes. */
@ExtendWith(ArquillianExtension.class)
class CompletionStageCleanupTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(RecordingProcessExit.class, CleanupLog.class, AsyncExporter.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CleanupLog log;

    @Inject
    AsyncExporter exporter;

    @Test
    void nextCleanupStartsOnlyOnceTheReturnedStageHasCompleted() throws Exception {
        exporter.touch();
        shutdown.initiate("test");
        assertThat(exporter.awaitExportStarted()).isTrue();

        exporter.completeExport();

        assertThat(exit.awaitExit()).isZero();
        assertThat(log.entries()).containsExactly("exported", "disconnected");
        assertThat(CleaningReport.of(shutdown).details()).first().asString()
                .matches(Pattern.quote(AsyncExporter.class.getName() + "#exportRemaining [priority 1]")
                        + ": ok in \\d+ms");
    }
}
