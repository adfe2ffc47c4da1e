package dev.flux.shutdown.tck.app;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;

/**
 * Prints every phase the library announces, as an application observing {@link ShutdownPhaseEvent} would see
 * it, and hangs in the phase named by {@code tck.hang-in} like a badly behaved observer. It is created at startup
 * so that a bad knob fails the start, not the shutdown.
 */
@ApplicationScoped
public class PhasePrinter {

    private Optional<ShutdownPhase> hangIn;

    @PostConstruct
    void readKnobs() {
        hangIn = TckKnobs.hangIn();
    }

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // being called is the point: the bean now exists, its knobs read
    }

    void print(@Observes ShutdownPhaseEvent event) {
        TckOutput.print(TckOutput.PHASE + event.phase());
        if (hangIn.filter(event.phase()::equals).isPresent()) {
            hangForever();
        }
    }

    /** Blocks without spinning and shrugs off interruption, so that only a halt of the JVM ends it. */
    private static void hangForever() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // deliberately ignored: this observer simulates code that does not honour interruption
            }
        }
    }
}
