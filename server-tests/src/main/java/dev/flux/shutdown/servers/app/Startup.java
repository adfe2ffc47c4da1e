package dev.flux.shutdown.servers.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** Creates the beans that have cleanups and records that the application is up. */
@ApplicationScoped
public class Startup {

    void started(@Observes @Initialized(ApplicationScoped.class) Object event, EventLog events, Resources resources) {
        resources.open();
        events.record("started");
    }
}
