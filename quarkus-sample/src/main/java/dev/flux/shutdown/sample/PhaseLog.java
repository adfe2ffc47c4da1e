package dev.flux.shutdown.sample;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.flux.shutdown.ShutdownPhaseEvent;

/** Logs each shutdown phase as it starts, as an application would to stop its own consumers in PREPARING. */
@ApplicationScoped
public class PhaseLog {

    private static final Logger LOG = Logger.getLogger(PhaseLog.class.getName());

    void onPhase(@Observes ShutdownPhaseEvent event) {
        LOG.info(() -> "sample: phase " + event.phase() + " after " + event.elapsed().toMillis() + "ms ("
                + event.cause() + ")");
    }
}
