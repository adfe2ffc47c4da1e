package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.tck.deployment.PhaseRecorder;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** Every phase event says which phase starts, what started the shutdown, and how long ago. */
@ExtendWith(ArquillianExtension.class)
class PhaseEventDataTest {

    private static final String REASON = "rolling update";
    private static final Duration READINESS_DELAY = Duration.ofMillis(500);

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.readiness-delay", READINESS_DELAY.toMillis() + "ms"))
                .addClasses(PhaseRecorder.class, RecordingProcessExit.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    PhaseRecorder recorder;

    @Inject
    RecordingProcessExit exit;

    /** Runs the deployment's one shutdown (the first test to call this starts it) and returns its events. */
    private List<ShutdownPhaseEvent> shutdownOnce() throws Exception {
        shutdown.initiate(REASON);
        exit.awaitExit();
        return recorder.events();
    }

    @Test
    void eventsNameEachPhaseOnceInOrder() throws Exception {
        assertThat(shutdownOnce()).extracting(ShutdownPhaseEvent::phase).containsExactly(ShutdownPhase.values());
    }

    @Test
    void everyEventNamesTheProgrammaticTrigger() throws Exception {
        assertThat(shutdownOnce()).extracting(event -> event.cause().trigger())
                .containsOnly(ShutdownCause.Trigger.PROGRAMMATIC);
    }

    @Test
    void everyEventCarriesTheReasonGivenToInitiate() throws Exception {
        assertThat(shutdownOnce()).extracting(event -> event.cause().detail()).containsOnly(REASON);
    }

    @Test
    void elapsedNeverDecreasesFromPhaseToPhase() throws Exception {
        List<Duration> elapsed = shutdownOnce().stream().map(ShutdownPhaseEvent::elapsed).toList();

        assertThat(elapsed).allMatch(d -> !d.isNegative()).isSorted();
    }

    @Test
    void elapsedCountsTheReadinessDelayBetweenPreparingAndDraining() throws Exception {
        List<ShutdownPhaseEvent> events = shutdownOnce();

        Duration preparing = events.get(0).elapsed();
        Duration draining = events.get(1).elapsed();
        assertThat(draining.minus(preparing)).isGreaterThanOrEqualTo(READINESS_DELAY);
    }
}
