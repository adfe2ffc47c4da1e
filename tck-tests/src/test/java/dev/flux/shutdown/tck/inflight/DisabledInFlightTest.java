package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.inflight.deployment.CountedWork;

/** With {@code flux.shutdown.enabled=false} nothing is tracked: no ticket is given, and calls run uncounted. */
@ExtendWith(ArquillianExtension.class)
class DisabledInFlightTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.enabled", "false")).addClasses(CountedWork.class);
    }

    @Inject
    InFlightTracker tracker;

    @Inject
    CountedWork work;

    @Test
    void tryAcquireGivesAnUncountedTicketSoTheWorkStillRuns() {
        try (InFlightTracker.Ticket ticket = tracker.tryAcquire("message 1").orElseThrow()) {
            assertThat(tracker.inFlight()).isZero();
        }
    }

    @Test
    void inFlightMethodStillRunsUncounted() {
        assertThat(work.inFlightDuringCall()).as("in flight during the call").isZero();
    }
}
