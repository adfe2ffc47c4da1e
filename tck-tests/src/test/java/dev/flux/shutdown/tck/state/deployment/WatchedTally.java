package dev.flux.shutdown.tck.state.deployment;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** Records what its own {@code @PostConstruct} sees. */
@ApplicationScoped
@Persistent("watched")
public class WatchedTally extends Tally {

    @PostConstruct
    void init() {
        recordPostConstruct();
    }
}
