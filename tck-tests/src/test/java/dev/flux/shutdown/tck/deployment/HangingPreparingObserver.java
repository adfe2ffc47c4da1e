package dev.flux.shutdown.tck.deployment;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;

/**
 * An application observer that gets stuck in PREPARING and does not honour interruption, the worst case the watchdog
 * must bound. It stays stuck until the test {@link #release releases} it.
 */
@ApplicationScoped
public class HangingPreparingObserver {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    void hang(@Observes ShutdownPhaseEvent event) {
        if (event.phase() != ShutdownPhase.PREPARING) {
            return;
        }
        entered.countDown();
        boolean interrupted = false;
        while (released.getCount() > 0) {
            try {
                released.await();
            } catch (InterruptedException e) {
                // stuck code that swallows interruption: remember it, restore it once released
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the shutdown thread got stuck here, waiting up to 30 s for it. */
    public boolean awaitStuck() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    public void release() {
        released.countDown();
    }
}
