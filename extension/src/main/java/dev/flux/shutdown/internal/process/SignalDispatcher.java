package dev.flux.shutdown.internal.process;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The JVM's handler of one signal while any application carries the library, and the one place where the
 * applications of a JVM meet: it holds the applications that handle the signal ({@link SignalMember}s, each of its
 * own application's copy of the library) and the handler that was there before the first of them. A signal starts
 * every member's phases at once, waits for them, and is then handed to the original handler (the JVM's own, which
 * runs the shutdown hooks: a server then stops the way it always does), unless a member that owns the process ended
 * it. Nothing crosses between copies but JDK types: as a {@link Supplier} it tells another copy its state, the
 * original handler and the members. The JVM keeps it in a {@code sun.misc.Signal} slot, which no JMX connector
 * exports. As a {@link Consumer} it takes such a state, from a copy that hands the slot over.
 */
final class SignalDispatcher implements SignalHandler, Supplier<Map.Entry<SignalHandler, List<Object>>>,
        Consumer<Map.Entry<SignalHandler, List<Object>>> {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.signal");

    private volatile Map.Entry<SignalHandler, List<Object>> state = new SimpleImmutableEntry<>(null, List.of());

    /** A dispatcher that passes signals on to {@code original} after its {@code members}' phases. */
    static SignalDispatcher of(SignalHandler original, List<Object> members) {
        SignalDispatcher dispatcher = new SignalDispatcher();
        dispatcher.accept(new SimpleImmutableEntry<>(original, List.copyOf(members)));
        return dispatcher;
    }

    /** Takes the state of a slot's handler: a dispatcher's (of any copy), or a foreign handler as the original. */
    @Override
    public void accept(Map.Entry<SignalHandler, List<Object>> state) {
        this.state = state;
    }

    @Override
    public Map.Entry<SignalHandler, List<Object>> get() {
        return state;
    }

    @Override
    public void handle(Signal signal) {
        Map.Entry<SignalHandler, List<Object>> now = state;
        if (!dispatch(signal.getName(), now.getValue())) {
            passOn(signal, now.getKey());
        }
    }

    /**
     * Starts every member's phases for {@code signal} and waits for them (each bounded by its own
     * {@code flux.shutdown.timeout}), then ends the process through the members that own it.
     *
     * @return whether a member owns the process (it has been ended); {@code false} when the signal must go on
     */
    @SuppressWarnings("unchecked")
    static boolean dispatch(String signal, List<Object> members) {
        // readiness DOWN in every application first, with nothing in between (no log, no thread), then the phases
        List<Supplier<CompletableFuture<Runnable>>> claimed = new ArrayList<>();
        for (Object member : members) {
            guarded(member, () -> claimed.add(((Function<String, Supplier<CompletableFuture<Runnable>>>) member)
                    .apply(signal)));
        }
        List<CompletableFuture<Runnable>> running = new ArrayList<>();
        for (Supplier<CompletableFuture<Runnable>> launch : claimed) {
            if (launch != null) {
                guarded(launch, () -> running.add(launch.get()));
            }
        }
        List<Runnable> endings = new ArrayList<>();
        for (CompletableFuture<Runnable> phases : running) {
            try {
                endings.add(phases.join());
            } catch (CompletionException | CancellationException e) {
                LOG.log(Level.FINE, "An application's phases failed", e);
            }
        }
        endings.removeIf(Objects::isNull);
        LOG.fine(() -> "SIG" + signal + " dispatched to " + running.size() + " of " + members.size()
                + " applications; " + endings.size() + " own the process");
        endings.forEach(Runnable::run);
        return !endings.isEmpty();
    }

    /** One application's failure (one that left meanwhile, one whose call failed) does not stop the others. */
    private static void guarded(Object member, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot call " + member, e);
        }
    }

    private static void passOn(Signal signal, SignalHandler next) {
        if (next == null || next == SignalHandler.SIG_IGN) {
            return;
        }
        if (next == SignalHandler.SIG_DFL) {
            // the native default cannot be called: put it back and let it act as it would have
            Signal.handle(signal, next);
            Signal.raise(signal);
            return;
        }
        next.handle(signal);
    }

    /** Whether a handler is a dispatcher, whichever application's copy of this class it is. */
    static boolean isDispatcher(SignalHandler handler) {
        return handler instanceof Supplier<?> && handler.getClass().getName().equals(SignalDispatcher.class.getName());
    }

    /** The state of a slot's handler: a dispatcher's, of any copy; a foreign handler is the original, no member. */
    @SuppressWarnings("unchecked")
    static Map.Entry<SignalHandler, List<Object>> stateOf(SignalHandler handler) {
        return isDispatcher(handler) ? ((Supplier<Map.Entry<SignalHandler, List<Object>>>) handler).get()
                : new SimpleImmutableEntry<>(handler, List.of());
    }
}
