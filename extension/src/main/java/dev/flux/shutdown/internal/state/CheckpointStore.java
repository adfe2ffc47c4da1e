package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where checkpoints live: the file store by default ({@code flux.shutdown.state.store=file}), another store (a
 * database table) behind the same contract. The library calls {@link #prepare()} and {@link #load()} once at
 * start-up, then {@link #commit(List)} for each checkpoint (periodic ones and the final one of PERSISTING, never
 * two at once), and {@link #release()} after the final commit of a complete shutdown.
 * <p>
 * <b>What a store must guarantee.</b>
 * <ul>
 * <li>A commit is one atomic unit over every envelope of the set: after a crash or power loss at any instant,
 * {@link #load()} finds either the whole new set or the whole previous one, never a mixture of the two, never one
 * envelope of a set without the others.</li>
 * <li>A commit is durable when it returns (on disk, or committed by the database), and the previous set stays
 * intact and loadable until then; a failed commit leaves the previous set as it was.</li>
 * <li>Sequence numbers of committed sets only grow, across restarts too.</li>
 * <li>Each envelope's bytes come back exactly as they were committed; the envelope's own checksum (see
 * {@link EnvelopeFormat}) lets the library tell a damaged one, which it quarantines alone while the others of the
 * set restore.</li>
 * <li>{@link #toString()} names the store and where it is ({@code files in /var/lib/app/flux-state}), for log
 * lines and errors.</li>
 * </ul>
 * Checkpoints of one store location belong to one running instance at a time; how a store hands a released set
 * to a successor (if it can) is its own business, done in {@link #load()}.
 */
public interface CheckpointStore {

    /**
     * Checks at start-up that checkpoints can be committed here, so that a problem fails the deployment and not
     * the shutdown; may clean up what an interrupted commit left behind. Called before {@link #load()}, and again
     * when the deployment is validated (it must be idempotent).
     *
     * @throws IOException whose message says what is wrong, in words that complete "the store ... cannot hold
     *                     checkpoints: ..."
     */
    void prepare() throws IOException;

    /**
     * The newest complete committed set, read once at start-up. A store that hands checkpoints over between
     * instances may claim here a set that another instance {@linkplain #release() released}.
     *
     * @return empty when there is none (a first start)
     * @throws IOException when the store cannot be read; nothing is changed then
     */
    Optional<CheckpointSet> load() throws IOException;

    /**
     * Commits {@code envelopes} (one per persistent name, names unique) as one atomic, durable set that replaces
     * the previous one.
     *
     * @return the sequence number of the committed set, greater than every earlier one
     * @throws IOException when nothing was committed; the previous set is intact
     */
    long commit(List<Envelope> envelopes) throws IOException;

    /**
     * Moves the envelope of {@code name} in the newest set aside, where an operator can look at it and no later
     * commit overwrites it; the next commit no longer holds it (the library leaves it out).
     *
     * @return where it went, for the log
     */
    String quarantine(String name) throws IOException;

    /**
     * Called once after the final commit of a complete shutdown (every bean written): the newest set may now be
     * handed to another instance. Also called when the shutdown had nothing to commit because no
     * {@code @Persistent} bean was alive (then {@link #load()} may never have been called in this run). A store
     * without hand-over does nothing.
     */
    void release() throws IOException;
}
