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
import dev.flux.shutdown.tck.cleanup.priority.ConnectionPool;
import dev.flux.shutdown.tck.cleanup.priority.MetricsRegistry;
import dev.flux.shutdown.tck.cleanup.priority.ResultCache;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** Cleanups run in ascending {@code @Priority} across beans, the method's priority before its class's. */
@ExtendWith(ArquillianExtension.class)
class PriorityOrderTest {

    @Deployment
    static JavaArchive deployment() {
        return AllDiscovery.of(Deployments.library().addClasses(RecordingProcessExit.class, CleanupLog.class,
                ConnectionPool.class, ResultCache.class, MetricsRegistry.class));
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CleanupLog log;

    @Inject
    ConnectionPool pool;

    @Inject
    ResultCache cache;

    @Inject
    MetricsRegistry metrics;

    @Test
    void cleanupsRunInAscendingPriorityAcrossBeansThenTheUnprioritizedOnes() throws Exception {
        shutDown();

        assertThat(log.entries()).containsExactly("pool.stopLending", "cache.flush", "metrics.publishLastValues",
                "pool.closeConnections", "cache.drop", "cache.unprioritized");
    }

    @Test
    void reportListsEachCleanupWithItsPriorityOutcomeAndDurationInTheOrderTheyRan() throws Exception {
        shutDown();

        String pool = ConnectionPool.class.getName();
        String cache = ResultCache.class.getName();
        assertThat(CleaningReport.of(shutdown).details()).satisfiesExactly(
                line -> assertThat(line).matches(quote(pool + "#stopLending [priority 5]") + ": ok in \\d+ms"),
                line -> assertThat(line).matches(quote(cache + "#flush [priority 10]") + ": ok in \\d+ms"),
                line -> assertThat(line).matches(
                        quote(MetricsRegistry.class.getName() + "#publishLastValues [priority 15]") + ": ok in \\d+ms"),
                line -> assertThat(line).matches(quote(pool + "#closeConnections [priority 20]") + ": ok in \\d+ms"),
                line -> assertThat(line).matches(quote(cache + "#drop [priority 30]") + ": ok in \\d+ms"),
                line -> assertThat(line).matches(quote(cache + "#unprioritized [no priority]") + ": ok in \\d+ms"),
                line -> assertThat(line).matches("flush java.util.logging handlers \\[built-in\\]: ok in \\d+ms"));
        assertThat(CleaningReport.of(shutdown).summary())
                .isEqualTo("7 cleanups: 7 ok, 0 failed, 0 timed out, 0 skipped");
    }

    /** Creates the beans (a cleanup runs only for a bean that exists), then shuts down once for all tests. */
    private void shutDown() throws Exception {
        pool.touch();
        cache.touch();
        shutdown.initiate("test");
        assertThat(exit.awaitExit()).isZero();
    }

    private static String quote(String text) {
        return Pattern.quote(text);
    }
}
