package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.InFlightTracker.Ticket;
import dev.flux.shutdown.tck.Deployments;

/** While the application runs, {@code tryAcquire} gives a ticket that counts as in flight until it is closed. */
@ExtendWith(ArquillianExtension.class)
class TicketTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library();
    }

    @Inject
    InFlightTracker tracker;

    @Test
    void tryAcquireGivesATicketWhileRunning() {
        Optional<Ticket> ticket = tracker.tryAcquire("message 1");
        try {
            assertThat(ticket).isPresent();
        } finally {
            ticket.ifPresent(Ticket::close);
        }
    }

    @Test
    void ticketCountsAsInFlightUntilClosed() {
        assertThat(tracker.inFlight()).isZero();

        try (Ticket ticket = tracker.tryAcquire("message 1").orElseThrow()) {
            assertThat(tracker.inFlight()).isEqualTo(1);
            try (Ticket another = tracker.tryAcquire("message 2").orElseThrow()) {
                assertThat(tracker.inFlight()).isEqualTo(2);
            }
            assertThat(tracker.inFlight()).isEqualTo(1);
        }
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void closingATicketTwiceReleasesItOnce() {
        Ticket witness = tracker.tryAcquire("witness").orElseThrow();
        try {
            Ticket ticket = tracker.tryAcquire("message 1").orElseThrow();
            assertThat(tracker.inFlight()).isEqualTo(2);

            ticket.close();
            ticket.close();

            assertThat(tracker.inFlight()).as("the witness is still counted").isEqualTo(1);
        } finally {
            witness.close();
        }
        assertThat(tracker.inFlight()).isZero();
    }
}
