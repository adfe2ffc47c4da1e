package dev.flux.shutdown.runtime.signal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * One application's share of the JVM's signal slots. Installing puts a {@link SignalDispatcher} in the slot
 * (taking over the original handler from a dispatcher already there); leaving hands the slot to another
 * application's copy, or gives it back to the original handler when the last application leaves, and only if the
 * slot still holds a dispatcher. Every change happens under the lock of {@link Signal}'s class, which all
 * applications' copies share, being a JDK class.
 */
public final class SignalSlots {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.signal");

    private final Map<String, SignalDispatcher> held = new LinkedHashMap<>();

    /**
     * Installs the dispatcher for each signal name ({@code TERM}, {@code INT}, ...). A signal that cannot be
     * handled in this JVM ({@code -Xrs}, no {@code sun.misc}) is logged as FLUX-0030 and left alone: the container
     * closing still starts the shutdown.
     */
    public void install(Set<String> signals) {
        synchronized (Signal.class) {
            for (String name : signals) {
                try {
                    take(name, false);
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    LOG.log(Level.WARNING, "FLUX-0030 Cannot handle SIG" + name + " in this JVM (is it started with"
                            + " -Xrs, or does another library own it?); it will not start a graceful shutdown, the"
                            + " container closing still will", e);
                }
            }
        }
        LOG.fine(() -> "Handling signals " + held.keySet());
    }

    /**
     * Takes over the slot of a signal from an application that leaves, if the slot still holds a dispatcher;
     * a handler installed by someone else after the library stays.
     *
     * @return whether this application's dispatcher now holds the slot
     */
    public boolean adopt(String name) {
        synchronized (Signal.class) {
            return take(name, true);
        }
    }

    /**
     * Leaves: {@code deregister} removes the application from the dispatcher's view, then each slot this
     * application holds goes to another application ({@code handOver} answers whether one took it), or back to the
     * original handler when none is left.
     */
    public void leave(Runnable deregister, Predicate<String> handOver) {
        synchronized (Signal.class) {
            deregister.run();
            held.forEach((name, dispatcher) -> {
                if (!handOver.test(name)) {
                    restore(name, dispatcher);
                }
            });
            held.clear();
        }
    }

    private boolean take(String name, boolean adopting) {
        Signal signal = new Signal(name);
        SignalDispatcher dispatcher = new SignalDispatcher();
        SignalHandler previous = Signal.handle(signal, dispatcher);
        if (SignalDispatcher.isDispatcher(previous)) {
            dispatcher.passOnTo(SignalDispatcher.originalOf(previous));
        } else if (adopting) {
            Signal.handle(signal, previous);
            return false;
        } else {
            dispatcher.passOnTo(previous);
        }
        held.put(name, dispatcher);
        return true;
    }

    private static void restore(String name, SignalDispatcher dispatcher) {
        Signal signal = new Signal(name);
        SignalHandler previous = Signal.handle(signal, dispatcher.get());
        if (!SignalDispatcher.isDispatcher(previous)) {
            // someone else took the slot after the library: it stays theirs
            Signal.handle(signal, previous);
        }
    }
}
