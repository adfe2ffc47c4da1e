package dev.flux.shutdown.internal.process;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.ShutdownCoordinator;

/**
 * One application's place in the JVM's signal dispatchers, from its start to its end. Joining puts a dispatcher
 * that knows the application in the slot of each signal it handles (keeping the original handler and the other
 * applications); leaving takes the application out, so that nothing of it stays reachable from a slot: another
 * application's copy takes the slot, or the original handler gets it back when none is left.
 */
public final class SignalMembership {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.signal");

    private final SignalMember member;
    private final Set<String> joined = new LinkedHashSet<>();

    private SignalMembership(SignalMember member) {
        this.member = member;
    }

    /**
     * Joins the dispatcher of every signal of {@code flux.shutdown.signals}. A signal that cannot be handled in this
     * JVM ({@code -Xrs}), or all of them where {@code sun.misc.Signal} is not visible to the application, is logged
     * as FLUX-0030 and left alone: the container closing still starts the shutdown.
     *
     * @return the membership, or empty where the application cannot see {@code sun.misc.Signal}
     */
    // no sun.misc type appears in this class, so that it loads where sun.misc is not visible and says so
    public static Optional<SignalMembership> join(ShutdownCoordinator coordinator, RunningApplication application) {
        try {
            SignalMembership membership = new SignalMembership(new SignalMember(coordinator, application));
            coordinator.config().signals().forEach(membership::join);
            LOG.fine(() -> "Handling signals " + membership.joined);
            return Optional.of(membership);
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "FLUX-0030 sun.misc.Signal is not available to this application (" + e
                    + "); signals will not start a graceful shutdown, the container closing still will");
            return Optional.empty();
        }
    }

    private void join(String signal) {
        try {
            SignalSlot.join(signal, member);
            joined.add(signal);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "FLUX-0030 Cannot handle SIG" + signal + " in this JVM (is it started with -Xrs,"
                    + " or does another library own it?); it will not start a graceful shutdown, the container"
                    + " closing still will", e);
        }
    }

    /** Leaves every dispatcher this application joined. */
    public void leave() {
        joined.forEach(signal -> SignalSlot.leave(signal, member));
        joined.clear();
    }
}
