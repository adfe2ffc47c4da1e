package dev.flux.shutdown.runtime.signal;

import java.util.function.Supplier;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import dev.flux.shutdown.runtime.process.Applications;

/**
 * The JVM's handler of one signal while any application carries the library: it starts every registered
 * application's phases, waits for them, and then hands the signal to the handler that was there before the first
 * application (the JVM's own, which runs the shutdown hooks: a server then stops the way it always does), unless
 * an application that owns the process ended it. It keeps nothing of any application: the applications are found
 * through {@link Applications}, so the slot can move from one application's copy of this class to another's.
 * As a {@link Supplier} it tells the next copy, loaded by another application, the original handler.
 */
final class SignalDispatcher implements SignalHandler, Supplier<SignalHandler> {

    private volatile SignalHandler original;

    /** Set right after installation, from the handler the slot held. */
    void passOnTo(SignalHandler original) {
        this.original = original;
    }

    @Override
    public SignalHandler get() {
        return original;
    }

    @Override
    public void handle(Signal signal) {
        if (!Applications.dispatch(signal.getName())) {
            passOn(signal);
        }
    }

    private void passOn(Signal signal) {
        SignalHandler next = original;
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

    /** The original handler a dispatcher of any application's copy keeps. */
    static SignalHandler originalOf(SignalHandler dispatcher) {
        return (SignalHandler) ((Supplier<?>) dispatcher).get();
    }
}
