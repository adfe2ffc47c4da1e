package dev.flux.shutdown.tck.state.deployment;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import dev.flux.shutdown.Persistent;

/** The {@code @Singleton} flavour: one instance, no client proxy. */
@Singleton
@Persistent("singleton")
public class SingletonTally extends Tally {

    @PostConstruct
    void init() {
        recordPostConstruct();
    }
}
