package dev.flux.shutdown.tck.inflight.deployment;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.InFlight;

/** Asynchronous in-flight work: the call returns at once, the work ends when the stage the test owns completes. */
@ApplicationScoped
public class AsyncWork {

    @InFlight
    public <T> CompletionStage<T> follow(CompletionStage<T> completion) {
        return completion;
    }
}
