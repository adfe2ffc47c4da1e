package dev.flux.shutdown.tck.state.deployment;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

@ApplicationScoped
@Persistent("foreign")
public class ForeignTally extends Tally {
}
