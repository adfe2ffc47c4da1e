package dev.flux.shutdown.internal.state;

import java.util.List;
import java.util.Objects;

/**
 * One committed checkpoint of every {@code @Persistent} bean, as a store loads it.
 *
 * @param sequence  the number the store gave the set when it was committed ({@code 0} for checkpoints older than
 *                  sets, migrated from per-bean files)
 * @param envelopes one per persistent name
 */
public record CheckpointSet(long sequence, List<Envelope> envelopes) {

    public CheckpointSet {
        Objects.requireNonNull(envelopes, "envelopes");
        envelopes = List.copyOf(envelopes);
    }
}
