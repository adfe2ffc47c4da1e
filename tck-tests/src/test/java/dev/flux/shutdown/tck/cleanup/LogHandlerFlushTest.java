package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.cleanup.logflush.LoggingResource;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** The built-in last cleanup flushes every java.util.logging handler, so what cleanups logged is not lost. */
@ExtendWith(ArquillianExtension.class)
class LogHandlerFlushTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(RecordingProcessExit.class, LoggingResource.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    LoggingResource resource;

    @Test
    void recordLoggedByACleanupReachesABufferingHandlerBeforeExit() throws Exception {
        ByteArrayOutputStream logFile = new ByteArrayOutputStream();
        StreamHandler buffering = new StreamHandler(logFile, new SimpleFormatter());
        LoggingResource.LOG.addHandler(buffering);
        try {
            resource.touch();
            shutdown.initiate("test");
            assertThat(exit.awaitExit()).isZero();

            assertThat(logFile.toString(StandardCharsets.UTF_8)).contains("released the last resource");
            assertThat(CleaningReport.of(shutdown).details()).last().asString()
                    .startsWith("flush java.util.logging handlers [built-in]: ok in ");
        } finally {
            LoggingResource.LOG.removeHandler(buffering);
        }
    }
}
