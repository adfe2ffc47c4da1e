package dev.flux.shutdown.tck.state.deployment;

import java.util.concurrent.atomic.AtomicInteger;

/** Stands for a deserialization gadget: a hostile checkpoint names it, and it must never be constructed. */
public final class Gadget {

    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    public boolean armed;

    public Gadget() {
        CONSTRUCTED.incrementAndGet();
    }
}
