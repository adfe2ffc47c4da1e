package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.cleanup.lazy.NeverUsedPool;
import dev.flux.shutdown.tck.cleanup.lazy.NeverUsedSingleton;
import dev.flux.shutdown.tck.cleanup.lazy.UsedPool;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** A bean that was never created holds nothing to release: it is not created for its cleanup, which is skipped. */
@ExtendWith(ArquillianExtension.class)
class NeverCreatedBeanTest {

    @Deployment
    static JavaArchive deployment() {
        return AllDiscovery.of(Deployments.library().addClasses(RecordingProcessExit.class, CleanupLog.class,
                UsedPool.class, NeverUsedPool.class, NeverUsedSingleton.class));
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CleanupLog log;

    @Inject
    UsedPool used;

    @Test
    void cleanupOfANeverCreatedBeanDoesNotCreateIt() throws Exception {
        shutDown();

        assertThat(NeverUsedPool.CREATED).hasValue(0);
        assertThat(NeverUsedSingleton.CREATED).hasValue(0);
        assertThat(NeverUsedPool.CLEANED).hasValue(0);
        assertThat(NeverUsedSingleton.CLEANED).hasValue(0);
        assertThat(log.entries()).containsExactly("usedPool");
    }

    @Test
    void cleanupOfANeverCreatedBeanIsReportedSkipped() throws Exception {
        shutDown();

        assertThat(CleaningReport.of(shutdown).details()).contains(
                NeverUsedPool.class.getName() + "#close [no priority]: skipped (never created)",
                NeverUsedSingleton.class.getName() + "#close [no priority]: skipped (never created)");
        assertThat(CleaningReport.of(shutdown).complete()).isTrue();
    }

    private void shutDown() throws Exception {
        used.touch();
        shutdown.initiate("test");
        assertThat(exit.awaitExit()).isZero();
    }
}
