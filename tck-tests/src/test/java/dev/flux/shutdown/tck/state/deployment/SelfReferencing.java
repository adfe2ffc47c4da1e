package dev.flux.shutdown.tck.state.deployment;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** A bean that cannot be checkpointed: one of its fields refers back to itself. */
@ApplicationScoped
@Persistent("self-referencing")
public class SelfReferencing {

    private final Link link = new Link();

    public boolean linked() {
        return link.next == link;
    }

    static final class Link {
        Link next = this;
    }
}
