package dev.flux.shutdown.tck.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Prints when Weld destroys the application's beans, so that the tests can tell whether the shutdown phases ran
 * before the runtime began tearing things down. Observing the application context's start creates it eagerly:
 * an application-scoped bean nobody used would not be destroyed, and print nothing.
 */
@ApplicationScoped
public class LifecyclePrinter {

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // being called is the point: the bean now exists and will be destroyed with the context
    }

    @PreDestroy
    void destroyed() {
        TckOutput.print(TckOutput.PREDESTROY);
    }
}
