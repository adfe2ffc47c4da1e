package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.InFlightTracker.Ticket;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.inflight.deployment.FailingWork;

/**
 * An {@code @InFlight} call that throws is counted while it runs and released exactly once: a ticket held by the
 * test meanwhile is the witness, since a second release would take its count too.
 */
@ExtendWith(ArquillianExtension.class)
class ThrowingInFlightCallTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(FailingWork.class);
    }

    @Inject
    InFlightTracker tracker;

    @Inject
    FailingWork work;

    @Test
    void callThatThrowsIsReleasedExactlyOnce() {
        IllegalStateException failure = new IllegalStateException("work failed");
        Ticket witness = tracker.tryAcquire("witness").orElseThrow();
        try {
            Throwable thrown = catchThrowable(() -> work.fail(failure));

            assertThat(thrown).as("the caller gets the call's own exception").isSameAs(failure);
            assertThat(work.inFlightDuringLastCall()).as("in flight during the call").isEqualTo(2);
            assertThat(tracker.inFlight()).as("in flight after the call").isEqualTo(1);
        } finally {
            witness.close();
        }
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void callThatThrowsACheckedExceptionIsReleasedExactlyOnce() {
        IOException failure = new IOException("disk gone");
        Ticket witness = tracker.tryAcquire("witness").orElseThrow();
        try {
            Throwable thrown = catchThrowable(() -> work.failChecked(failure));

            assertThat(thrown).as("the caller gets the call's own exception").isSameAs(failure);
            assertThat(work.inFlightDuringLastCall()).as("in flight during the call").isEqualTo(2);
            assertThat(tracker.inFlight()).as("in flight after the call").isEqualTo(1);
        } finally {
            witness.close();
        }
        assertThat(tracker.inFlight()).isZero();
    }
}
