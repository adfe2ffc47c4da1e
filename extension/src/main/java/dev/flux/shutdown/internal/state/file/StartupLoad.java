package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.Problems;

/**
 * Finds the newest usable set of a state directory at start-up: the newest generation that can be read, else the
 * per-bean files of an earlier version. It reads everything it returns before it changes anything, and only then
 * tidies up (damaged generations and files moved aside, older generations removed), each tidying step logged and
 * left for the next start when it fails: so a load that throws has changed nothing, and one that returns never
 * fails because of the tidying.
 */
final class StartupLoad {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    /**
     * What a load found.
     *
     * @param set            the newest usable set, empty when there is none
     * @param newestSequence the newest committed sequence number in the directory, usable or not ({@code 0}: none)
     * @param files          where each envelope of {@code set} lives
     * @param legacy         the per-bean files of an earlier version that {@code set} holds (none when it is a
     *                       generation)
     */
    record Loaded(Optional<CheckpointSet> set, long newestSequence, Map<String, Path> files,
            Map<String, Path> legacy) {
    }

    private final Path dir;
    private final Generations generations;
    private final Quarantine quarantine;

    StartupLoad(Path dir, Generations generations, Quarantine quarantine) {
        this.dir = dir;
        this.generations = generations;
        this.quarantine = quarantine;
    }

    /** @throws IOException when the directory cannot be read; nothing was changed then */
    Loaded load() throws IOException {
        List<Long> committed = generations.committed();
        long newest = committed.isEmpty() ? 0 : committed.get(0);
        Map<Long, IOException> damaged = new LinkedHashMap<>();
        for (long sequence : committed) {
            Map<String, Path> files = new HashMap<>();
            CheckpointSet set;
            try {
                set = generations.read(sequence, files);
            } catch (IOException e) {
                damaged.put(sequence, e);
                continue;
            }
            moveAside(damaged);
            removeOlderThan(sequence);
            return new Loaded(Optional.of(set), newest, files, Map.of());
        }
        LegacyCheckpoints.Found found = new LegacyCheckpoints(dir).find();
        List<Envelope> envelopes = new ArrayList<>();
        for (Map.Entry<String, Path> file : found.usable().entrySet()) {
            envelopes.add(Envelope.stored(file.getKey(), DurableFiles.read(file.getValue())));
        }
        moveAside(damaged);
        found.moveUnusableAside(quarantine);
        if (envelopes.isEmpty()) {
            return new Loaded(Optional.empty(), newest, Map.of(), Map.of());
        }
        LOG.info(() -> "FLUX-0703 Read " + envelopes.size() + " per-bean checkpoint file(s) of an earlier version in "
                + dir + "; the next checkpoint carries them into a generation and removes them");
        return new Loaded(Optional.of(new CheckpointSet(0, envelopes)), newest, found.usable(), found.usable());
    }

    /** Moves the generations that could not be read aside, newest first; one that cannot be moved stays. */
    private void moveAside(Map<Long, IOException> damaged) {
        damaged.forEach((sequence, problem) -> {
            Path generation = generations.path(sequence);
            try {
                String aside = quarantine.moveAside(generation);
                LOG.warning(() -> "FLUX-0701 Checkpoint generation " + generation + " cannot be used ("
                        + Problems.describe(problem) + "); moved aside to " + aside + "; the one before it is used");
            } catch (IOException e) {
                LOG.warning(() -> "FLUX-0701 Checkpoint generation " + generation + " cannot be used ("
                        + Problems.describe(problem) + ") and cannot be moved aside (" + Problems.describe(e)
                        + "); the one before it is used, and the next checkpoint replaces it");
            }
        });
    }

    /** Removes what the loaded generation {@code sequence} replaces, as far as it can; the next start goes on. */
    private void removeOlderThan(long sequence) {
        try {
            generations.removeOlderThan(sequence);
            // per-bean files of an earlier version that a crash kept after the generation that carries them
            LegacyCheckpoints.remove(LegacyCheckpoints.leftovers(dir), sequence);
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "FLUX-0704 Older checkpoint files in " + dir + " could not all be"
                    + " removed yet; the next start removes them");
        }
    }
}
