package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.CheckpointStore;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.Problems;

/**
 * Keeps checkpoint sets as generations of files in one directory. A commit builds a new generation in a temporary
 * directory ({@code .generation-<n>.<random>.tmp}): one file per bean and last a manifest listing those files with
 * their SHA-256, each forced to disk; then the directory is forced and renamed to {@code generation-<n>} in one
 * atomic step, and the state directory is forced. Only then are older generations deleted. After a crash at any
 * instant the newest {@code generation-<n>} is a complete set, the previous one is still there if the new one is
 * not, and the temporary directory is removed at the next start. A load reads before it tidies up (moves damaged
 * generations aside, removes older ones), so a load that fails has changed nothing; and the store then commits
 * nothing, so that a run that could not read its checkpoint never replaces it. Files are owner-only (0600),
 * directories too (0700), where the file system has POSIX permissions; links are never followed. Any {@link Path}
 * will do, of the default file system or another one.
 */
public final class FileCheckpointStore implements CheckpointStore {

    /** The suffix of a checkpoint (or generation) moved aside because it could not be used. */
    public static final String CORRUPT_SUFFIX = ".corrupt";

    /** The suffix of a file or generation being written; it is never read and is removed at start-up. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** The name prefix of a committed generation's directory, followed by its sequence number (19 digits). */
    public static final String GENERATION_PREFIX = "generation-";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final Path dir;
    private final DurableFiles files;
    private final Quarantine quarantine;
    private final Generations generations;
    private final StartupLoad startupLoad;
    private final StateDirectory directory;
    private final SecureRandom random = new SecureRandom();
    private long lastSequence = -1;
    /** Why the last {@link #prepare()} or {@link #load()} failed, until a load succeeds: meanwhile no commit. */
    private Exception unread;
    /** Where each envelope of the newest set lives: a generation's file, or a per-bean file of an earlier version. */
    private final Map<String, Path> current = new HashMap<>();
    private final Map<String, Path> legacy = new HashMap<>();

    /** A store in {@code dir}, relative to the working directory unless absolute; nothing is touched yet. */
    public FileCheckpointStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.files = new DurableFiles(this.dir);
        this.quarantine = new Quarantine(this.dir);
        this.generations = new Generations(this.dir);
        this.startupLoad = new StartupLoad(this.dir, generations, quarantine);
        this.directory = new StateDirectory(this.dir, files);
    }

    public Path dir() {
        return dir;
    }

    /** The directory of generation {@code sequence}. */
    public Path generation(long sequence) {
        return generations.path(sequence);
    }

    /**
     * Creates the directory (0700) if it is missing, durably (the directory it is created in is forced), checks that
     * it is a directory where files can be created, warns if others may write to it, and removes what interrupted
     * commits left behind (what cannot be removed now is never read, and left to the next start). A directory is
     * meant for one process: two running processes would overwrite each other's checkpoints.
     */
    @Override
    public synchronized void prepare() throws IOException {
        try {
            directory.check();
        } catch (IOException | RuntimeException e) {
            unread = e;
            throw e;
        }
        directory.removeDebris();
    }

    /**
     * The newest committed generation as it is on disk, changing nothing: no clean-up, no fallback, no migration
     * (for tools and tests that look at a directory while its application may be running).
     *
     * @throws IOException if it cannot be read, or its manifest is damaged
     */
    public Optional<CheckpointSet> inspect() throws IOException {
        List<Long> committed = generations.committed();
        return committed.isEmpty() ? Optional.empty()
                : Optional.of(generations.read(committed.get(0), new HashMap<>()));
    }

    /**
     * The newest usable set (see {@link StartupLoad}: a load that throws has changed nothing). After a load that
     * threw, this store commits nothing, so that the state this run started without cannot replace the checkpoint it
     * could not read.
     */
    @Override
    public synchronized Optional<CheckpointSet> load() throws IOException {
        try {
            StartupLoad.Loaded loaded = startupLoad.load();
            current.clear();
            current.putAll(loaded.files());
            legacy.clear();
            legacy.putAll(loaded.legacy());
            lastSequence = loaded.newestSequence();
            unread = null;
            return loaded.set();
        } catch (IOException | RuntimeException e) {
            unread = e;
            throw e;
        }
    }

    @Override
    public synchronized long commit(List<Envelope> envelopes) throws IOException {
        if (unread != null) {
            throw new IOException("the checkpoints in it could not be read at start-up (" + Problems.describe(unread)
                    + "), and a commit would replace them with state that did not start from them", unread);
        }
        long sequence = (lastSequence < 0 ? generations.newest() : lastSequence) + 1;
        Path temp = dir.resolve("." + GENERATION_PREFIX + sequence + "." + token() + TEMP_SUFFIX);
        Path target = generation(sequence);
        Map<String, Path> written = new HashMap<>();
        try {
            files.createDirectory(temp);
            List<GenerationManifest.Entry> entries = new ArrayList<>();
            for (Envelope envelope : envelopes) {
                String file = CheckpointFileNames.of(envelope.name());
                files.writeNew(temp.resolve(file), envelope.bytes());
                entries.add(GenerationManifest.Entry.of(envelope.name(), file, envelope.bytes()));
                written.put(envelope.name(), target.resolve(file));
            }
            files.writeNew(temp.resolve(GenerationManifest.FILE_NAME),
                    new GenerationManifest(sequence, Instant.now(), entries).encode());
            DurableFiles.force(temp);
            // the one atomic step: before it the previous generation is the newest, after it this one
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                DurableFiles.deleteTree(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        DurableFiles.force(dir);
        lastSequence = sequence;
        current.clear();
        current.putAll(written);
        try {
            generations.removeOlderThan(sequence);
            LegacyCheckpoints.remove(legacy, sequence);
            legacy.clear();
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "FLUX-0704 Older checkpoint files in " + dir + " could not all be"
                    + " removed yet; the next start removes them");
        }
        return sequence;
    }

    /** Moves the file of {@code name} in the newest set to {@code <file>.corrupt} in the state directory. */
    @Override
    public synchronized String quarantine(String name) throws IOException {
        Path file = current.get(name);
        if (file == null) {
            throw new NoSuchFileException("the newest checkpoint in " + dir + " holds nothing for '" + name + "'");
        }
        String aside = quarantine.moveAside(file);
        current.remove(name);
        legacy.remove(name);
        return aside;
    }

    /** Nothing to hand over: a directory belongs to one instance. */
    @Override
    public void release() {
        // a state directory is not shared between instances
    }

    private String token() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "files in " + dir;
    }
}
