package dev.flux.shutdown.tck.state.deployment;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

@ApplicationScoped
@Persistent("hostile")
public class HostileTally extends Tally {
}
