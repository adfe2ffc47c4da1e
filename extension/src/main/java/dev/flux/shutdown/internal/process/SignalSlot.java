package dev.flux.shutdown.internal.process;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The JVM's slot of one signal, changed only under the lock of {@link Signal}'s class, which every application's
 * copy of the library shares, being a JDK class.
 */
final class SignalSlot {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.signal");

    private SignalSlot() {
    }

    /** Puts a dispatcher in the slot that knows {@code member} besides the applications it knew. */
    static void join(String name, Object member) {
        change(name, current -> {
            Map.Entry<SignalHandler, List<Object>> state = SignalDispatcher.stateOf(current);
            List<Object> members = new ArrayList<>(state.getValue());
            members.add(member);
            return SignalDispatcher.of(state.getKey(), members);
        });
    }

    /** Takes {@code member} out of the slot's dispatcher, so that nothing of its application stays reachable. */
    static void leave(String name, Object member) {
        change(name, current -> without(current, member));
    }

    /** The slot's next handler: the same dispatching without {@code member}, in another application's copy. */
    @SuppressWarnings("unchecked")
    private static SignalHandler without(SignalHandler current, Object member) {
        if (!SignalDispatcher.isDispatcher(current)) {
            // someone else took the slot after the library: it stays theirs
            return current;
        }
        Map.Entry<SignalHandler, List<Object>> state = SignalDispatcher.stateOf(current);
        List<Object> others = new ArrayList<>(state.getValue());
        others.removeIf(other -> other == member);
        Map.Entry<SignalHandler, List<Object>> next = new SimpleImmutableEntry<>(state.getKey(), List.copyOf(others));
        for (Object other : others) {
            try {
                SignalHandler dispatcher = ((Supplier<SignalHandler>) other).get();
                ((Consumer<Map.Entry<SignalHandler, List<Object>>>) dispatcher).accept(next);
                return dispatcher;
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.FINE, "Cannot hand the slot to " + other, e);
            }
        }
        return state.getKey();
    }

    /**
     * Replaces the slot's handler by what {@code change} makes of it. The slot cannot be read without writing it: a
     * stand-in that acts as the handler it replaces holds it while {@code change} decides.
     *
     * @throws IllegalArgumentException where the JVM does not let the signal be handled ({@code -Xrs})
     */
    private static void change(String name, UnaryOperator<SignalHandler> change) {
        Signal signal = new Signal(name);
        synchronized (Signal.class) {
            SignalDispatcher standIn = new SignalDispatcher();
            SignalHandler current = Signal.handle(signal, standIn);
            standIn.accept(SignalDispatcher.stateOf(current));
            Signal.handle(signal, change.apply(current));
        }
    }
}
