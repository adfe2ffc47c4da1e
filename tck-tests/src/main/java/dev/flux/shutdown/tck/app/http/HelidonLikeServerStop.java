package dev.flux.shutdown.tck.app.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import dev.flux.shutdown.tck.app.TckKnobs;
import dev.flux.shutdown.tck.app.TckOutput;

/**
 * Stops the HTTP server the way Helidon MP does: from an observer of the application context's end at priority
 * {@code PLATFORM_BEFORE}, cutting what is still open. Active only with {@code -Dtck.stop-server-like-helidon=true}.
 */
@ApplicationScoped
public class HelidonLikeServerStop {

    /** Printed just before the server is stopped. */
    public static final String STOPPING = "FLUX-TCK HTTP SERVER STOPPING";

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @BeforeDestroyed(ApplicationScoped.class)
            Object stopping) {
        if (TckKnobs.stopServerLikeHelidon()) {
            TckOutput.print(STOPPING);
            HttpService.stopNow();
        }
    }
}
