package dev.flux.shutdown.tck.cleanup.close;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** Records its cleanup and its destruction where the test can read them after the container is gone. */
@ApplicationScoped
public class ClosingResource {

    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    public void touch() {
    }

    @Cleanup
    void release() {
        EVENTS.add("cleanup");
    }

    @PreDestroy
    void destroyed() {
        EVENTS.add("pre-destroy");
    }
}
