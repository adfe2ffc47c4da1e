package dev.flux.shutdown.tck.state.deployment;

import jakarta.enterprise.context.RequestScoped;

import dev.flux.shutdown.Persistent;

/** Not allowed: a request scope has many instances, a checkpoint holds one. */
@RequestScoped
@Persistent("per-request")
public class RequestScopedTally extends Tally {
}
