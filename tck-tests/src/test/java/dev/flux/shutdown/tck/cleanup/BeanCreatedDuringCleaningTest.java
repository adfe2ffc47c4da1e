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
import dev.flux.shutdown.tck.cleanup.late.Archive;
import dev.flux.shutdown.tck.cleanup.late.AuditTrail;
import dev.flux.shutdown.tck.cleanup.late.Cache;
import dev.flux.shutdown.tck.cleanup.late.Journal;
import dev.flux.shutdown.tck.cleanup.late.OrderBook;
import dev.flux.shutdown.tck.cleanup.late.PaymentGateway;
import dev.flux.shutdown.tck.cleanup.lazy.NeverUsedPool;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/**
 * Whether a bean exists is decided when its cleanup's turn comes: a bean first created by an earlier cleanup (an
 * audit trail that the cleanups of priority 10 and 20 write to) has its own cleanup run, and a bean created during
 * CLEANING is the newest for the reverse-creation order of unprioritized cleanups.
 */
@ExtendWith(ArquillianExtension.class)
class BeanCreatedDuringCleaningTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(RecordingProcessExit.class, CleanupLog.class, AuditTrail.class,
                OrderBook.class, PaymentGateway.class, Journal.class, Archive.class, Cache.class,
                NeverUsedPool.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CleanupLog log;

    @Inject
    OrderBook orders;

    @Inject
    PaymentGateway payments;

    @Inject
    Cache cache;

    @Test
    void cleanupOfABeanFirstCreatedByEarlierCleanupsRunsInItsTurn() throws Exception {
        shutDown();

        assertThat(AuditTrail.CREATED).hasValue(1);
        assertThat(log.entries()).containsSubsequence("orderBook.close", "paymentGateway.close",
                "auditTrail.flush [orders closed, payments closed]");
    }

    @Test
    void beansCreatedDuringCleaningAreTheNewestForUnprioritizedCleanups() throws Exception {
        shutDown();

        assertThat(log.entries()).containsExactly("orderBook.close", "paymentGateway.close",
                "auditTrail.flush [orders closed, payments closed]", "journal.close", "archive.close",
                "cache.close");
    }

    @Test
    void reportShowsTheLateBeansCleanupsRunAndTheNeverCreatedOneSkipped() throws Exception {
        shutDown();

        assertThat(CleaningReport.of(shutdown).details())
                .anySatisfy(line -> assertThat(line).matches(
                        Pattern.quote(AuditTrail.class.getName() + "#flush [priority 30]") + ": ok in \\d+ms"))
                .contains(NeverUsedPool.class.getName() + "#close [no priority]: skipped (never created)");
        assertThat(CleaningReport.of(shutdown).summary())
                .isEqualTo("8 cleanups: 7 ok, 0 failed, 0 timed out, 1 skipped");
        assertThat(NeverUsedPool.CREATED).hasValue(0);
    }

    /** Creates the beans the application uses (never the audit trail), then shuts down once for all tests. */
    private void shutDown() throws Exception {
        cache.touch();
        orders.touch();
        payments.touch();
        shutdown.initiate("test");
        assertThat(exit.awaitExit()).isZero();
    }
}
