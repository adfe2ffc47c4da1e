package dev.flux.shutdown.tck.cleanup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** Records which cleanups ran, in order, as the test beans' cleanups report themselves. */
@ApplicationScoped
public class CleanupLog {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    public void record(String entry) {
        entries.add(entry);
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }
}
