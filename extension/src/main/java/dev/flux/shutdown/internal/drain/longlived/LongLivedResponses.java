package dev.flux.shutdown.internal.drain.longlived;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open long-lived responses of the application, kept apart from ordinary in-flight work: DRAINING does not wait
 * for them, it {@link #endAll ends} them at its start. From then on none is admitted: a stream or long poll that
 * arrives later is refused with 503, and one that slipped in between is ended as soon as it opens.
 */
public final class LongLivedResponses {

    /** The name of its bean, which the JAX-RS filters look up by type. */
    public static final String BEAN_NAME = "dev.flux.shutdown.longLivedResponses";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.drain");
    private static final int ENDING_THREADS = 2;

    private final boolean enabled;
    private final LongLivedConfig config;
    private final long retryAfterSeconds;
    private final Set<LongLived> open = ConcurrentHashMap.newKeySet();
    /** Size at which the closed entries are next swept out: twice the open ones after each sweep. */
    private final AtomicInteger sweepAt = new AtomicInteger(64);
    private final List<CompletionStage<?>> latecomers = new ArrayList<>();
    private volatile boolean ending;

    /**
     * @param enabled    {@code flux.shutdown.enabled}: when {@code false}, nothing is tracked or ended
     * @param retryAfter {@code flux.shutdown.reject.retry-after}, for the 503 of long polls and late streams
     */
    public LongLivedResponses(boolean enabled, LongLivedConfig config, Duration retryAfter) {
        this.enabled = enabled;
        this.config = config;
        this.retryAfterSeconds = retryAfter.toSeconds();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The {@code Retry-After} of refused and ended long polls and streams, whole seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public LongLivedConfig config() {
        return config;
    }

    /** Whether a new long-lived response may open: {@code false} from the start of DRAINING. */
    public boolean admits() {
        return !ending;
    }

    /**
     * Keeps {@code response} until DRAINING ends it. One that opens after the ending started (it was admitted just
     * before) is ended at once.
     */
    public void open(LongLived response) {
        open.add(response);
        if (ending && open.remove(response)) {
            LOG.fine(() -> "FLUX-0752 " + response.kind().count(1) + " opened as DRAINING started; ended at once");
            CompletionStage<?> end = response.end();
            synchronized (latecomers) {
                latecomers.add(end);
            }
            return;
        }
        int size = open.size();
        int limit = sweepAt.get();
        if (size >= limit && sweepAt.compareAndSet(limit, Integer.MAX_VALUE)) {
            open.removeIf(r -> !r.isOpen());
            sweepAt.set(Math.max(64, open.size() * 2));
        }
    }

    /** Forgets {@code response}, ended by the application or the client; for kinds that report their end. */
    public void closed(LongLived response) {
        open.remove(response);
    }

    /** How many of each kind are open now, for the readiness data. */
    public Map<LongLived.Kind, Integer> openCounts() {
        Map<LongLived.Kind, Integer> counts = new EnumMap<>(LongLived.Kind.class);
        for (LongLived.Kind kind : LongLived.Kind.values()) {
            counts.put(kind, 0);
        }
        for (LongLived response : open) {
            if (response.isOpen()) {
                counts.merge(response.kind(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Ends every open long-lived response and admits no new one; waits, at most
     * {@code flux.shutdown.drain.long-lived.timeout}, until every end has been written. Call once, at the start of
     * DRAINING.
     */
    public EndingOutcome endAll() {
        long start = System.nanoTime();
        ending = true;
        Map<LongLived.Kind, Integer> ended = new EnumMap<>(LongLived.Kind.class);
        List<CompletableFuture<?>> ends = new ArrayList<>();
        // Ended on threads of their own: the runtime may write a resumed response on the calling thread, and must not
        // find the shutdown thread's CDI contexts there (Jersey on Weld SE fails to end a request scope it did not begin)
        ExecutorService enders = Executors.newFixedThreadPool(ENDING_THREADS, LongLivedResponses::enderThread);
        try {
            for (LongLived response : List.copyOf(open)) {
                if (!open.remove(response) || !response.isOpen()) {
                    continue;
                }
                ended.merge(response.kind(), 1, Integer::sum);
                ends.add(CompletableFuture.supplyAsync(response::end, enders).thenCompose(end -> end));
            }
            synchronized (latecomers) {
                latecomers.forEach(end -> ends.add(end.toCompletableFuture()));
            }
            int unended = await(ends, start + config.endTimeout().toNanos());
            return new EndingOutcome(ended, unended, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            enders.shutdown();
        }
    }

    private static Thread enderThread(Runnable task) {
        Thread thread = new Thread(task, "flux-shutdown-ending");
        thread.setDaemon(true);
        return thread; // the creator's context class loader, the application's: the shutdown thread runs in its context
    }

    private static int await(List<CompletableFuture<?>> ends, long deadline) {
        int unended = 0;
        for (CompletableFuture<?> end : ends) {
            try {
                end.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                unended++;
                LOG.log(Level.FINE, "FLUX-0753 A long-lived response was not ended cleanly", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return (int) ends.stream().filter(f -> !f.isDone() || f.isCompletedExceptionally()).count();
            }
        }
        return unended;
    }
}
