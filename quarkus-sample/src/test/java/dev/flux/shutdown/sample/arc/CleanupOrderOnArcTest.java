package dev.flux.shutdown.sample.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.sample.arc.beans.Connection;
import dev.flux.shutdown.sample.arc.beans.Mailer;
import dev.flux.shutdown.sample.arc.beans.Metrics;
import dev.flux.shutdown.sample.arc.beans.Repository;

/**
 * The order of cleanups on ArC, where the build-compatible extension marks the classes that declare
 * {@code @Cleanup} for creation tracking: priorities first, then the beans without priority in reverse order of
 * their creation (a subclass that inherits its cleanup included), then the built-in log flush. The application
 * of this test (a profile of its own) is shut down by the test; {@link RecordingProcessExit} keeps the JVM.
 */
@QuarkusTest
@TestProfile(CleanupOrderOnArcTest.ShutsDown.class)
class CleanupOrderOnArcTest {

    /** A profile of its own, so that the test shuts down an application that no other test uses. */
    public static class ShutsDown implements QuarkusTestProfile {
    }

    @Inject
    Repository repository;

    @Inject
    Mailer mailer;

    @Inject
    Metrics metrics;

    @Inject
    Repository.Name repositoryName;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void cleanupsRunByPriorityThenInReverseOrderOfCreation() {
        // created in this order (the fields hold client proxies): Connection (while Repository starts),
        // Repository, Mailer; Metrics has a priority
        assertThat(repository.ready()).isTrue();
        assertThat(mailer.ready()).isTrue();
        assertThat(metrics.ready()).isTrue();
        assertThat(repositoryName.value()).isEqualTo("orders");

        assertThat(shutdown.initiate("test")).isTrue();
        ShutdownReport report = await().atMost(Duration.ofSeconds(30)).until(shutdown::report, Optional::isPresent)
                .orElseThrow();

        PhaseReport cleaning = report.phases().stream().filter(p -> p.phase() == ShutdownPhase.CLEANING)
                .findFirst().orElseThrow();
        assertThat(cleaning.details()).map(line -> line.substring(0, line.indexOf("]: ") + 1))
                .containsSubsequence(
                        Metrics.class.getName() + "#flush [priority 5]",
                        Mailer.class.getName() + "#close [no priority]",
                        Repository.class.getName() + "#close [no priority]",
                        Connection.class.getName() + "#close [no priority]",
                        "flush java.util.logging handlers [built-in]");
        assertThat(cleaning.details()).filteredOn(line -> line.startsWith(Mailer.class.getName()))
                .singleElement().asString().contains(": ok in ");
        assertThat(exit.codes()).containsExactly(0);
    }
}
