package dev.flux.shutdown.internal.cdi;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.internal.drain.DescribedWork;

/** The {@link InFlightTracker} bean: tickets are counted by the same registry as requests. */
@ApplicationScoped
public class DefaultInFlightTracker implements InFlightTracker {

    @Inject
    DefaultShutdown shutdown;

    @Override
    public Optional<Ticket> tryAcquire(String description) {
        Objects.requireNonNull(description, "description");
        DescribedWork work = new DescribedWork(description);
        if (!shutdown.enabled()) {
            return Optional.of(work); // tracking is off, the work is not: an uncounted ticket
        }
        if (shutdown.isShuttingDown()) {
            return Optional.empty();
        }
        return shutdown.registry().enter(work) ? Optional.of(work) : Optional.empty();
    }

    @Override
    public int inFlight() {
        return shutdown.registry().inFlight();
    }
}
