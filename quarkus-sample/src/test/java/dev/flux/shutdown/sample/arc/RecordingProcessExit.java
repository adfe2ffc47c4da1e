package dev.flux.shutdown.sample.arc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.flux.shutdown.internal.process.ProcessExit;

/** Replaces ending the JVM in the test applications: a test may run a whole shutdown and look at its report. */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingProcessExit implements ProcessExit {

    private final List<Integer> codes = new CopyOnWriteArrayList<>();

    @Override
    public void exit(int code) {
        codes.add(code);
    }

    @Override
    public void halt(int code) {
        codes.add(code);
    }

    public List<Integer> codes() {
        return List.copyOf(codes);
    }
}
