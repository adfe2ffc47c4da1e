package dev.flux.shutdown.tck.inflight.deployment;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.InFlight;

/** In-flight work that runs until the test lets it return, as a long job would. */
@ApplicationScoped
public class BlockingWork {

    /** What the call records in the {@link Timeline} as the last thing before it returns. */
    public static final String RETURNS = "BlockingWork#runUntilReleased returns";

    @Inject
    Timeline timeline;

    /**
     * Counts down {@code entered}, then waits until {@code release} is counted down (at most 30 s, so that a failed
     * test cannot leave it running for ever).
     */
    @InFlight
    public void runUntilReleased(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
        entered.countDown();
        release.await(30, TimeUnit.SECONDS);
        timeline.record(RETURNS);
    }
}
