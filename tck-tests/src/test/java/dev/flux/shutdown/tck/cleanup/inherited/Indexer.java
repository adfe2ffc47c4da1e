package dev.flux.shutdown.tck.cleanup.inherited;

import jakarta.enterprise.context.ApplicationScoped;

/** Inherits its cleanup. */
@ApplicationScoped
public class Indexer extends PooledResource {

    @Override
    protected String name() {
        return "indexer";
    }
}
