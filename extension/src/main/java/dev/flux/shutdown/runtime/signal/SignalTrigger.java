package dev.flux.shutdown.runtime.signal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns operating-system signals into calls of a listener. Replacing the JVM's own TERM/INT handler (which runs
 * the shutdown hooks at once) is what lets the phases run while the runtime is still whole: the listener runs the
 * phases and only then ends the process the usual way. This is the one static hook of the library: signals are
 * process-wide.
 */
public final class SignalTrigger {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.signal");

    private final Map<String, SignalHandler> replaced = new HashMap<>();

    /**
     * Installs a handler for each signal name ({@code TERM}, {@code INT}, ...). The listener receives the name, on
     * the thread the JVM starts for each delivered signal.
     */
    public synchronized void install(Set<String> signals, Consumer<String> listener) {
        for (String name : signals) {
            try {
                SignalHandler previous = Signal.handle(new Signal(name), s -> listener.accept(s.getName()));
                replaced.put(name, previous);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "FLUX-0030 Cannot handle SIG" + name + " in this JVM (is it started with"
                        + " -Xrs, or does another library own it?); it will not start a graceful shutdown", e);
            }
        }
        LOG.fine(() -> "Handling signals " + replaced.keySet());
    }

    /** Gives the signals back to the handlers that were there before {@link #install}. */
    public synchronized void uninstall() {
        replaced.forEach((name, previous) -> Signal.handle(new Signal(name), previous));
        replaced.clear();
    }
}
