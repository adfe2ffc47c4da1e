package dev.flux.shutdown.tck.state.deployment;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** Not allowed next to {@link FirstTally}: its name differs only in case, which is the same file on some systems. */
@ApplicationScoped
@Persistent("FIRST")
public class ClashingTally extends Tally {
}
