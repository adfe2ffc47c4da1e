package dev.flux.shutdown.internal.observe.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/** The JVM's Flight Recorder recordings, as the shutdown's events see them: whether one ran; a dump before a halt. */
final class Recordings {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.observe");

    private Recordings() {
    }

    /**
     * Whether a recording has ever run in this JVM. Until then no event is even created: the first one would load
     * and set up JFR's event machinery, about a hundred milliseconds that the shutdown of a JVM without a recording
     * would pay for nothing.
     */
    static boolean initialized() {
        return FlightRecorder.isInitialized();
    }

    /**
     * Writes every recording that would have been written at exit to its file now: the halt that follows skips the
     * JVM's shutdown hooks, and with them JFR's dump, so the events of the very shutdown that timed out would be lost.
     */
    static void dumpBeforeHalt() {
        if (!initialized()) {
            return;
        }
        for (Recording recording : FlightRecorder.getFlightRecorder().getRecordings()) {
            Path destination = recording.getDestination();
            if (destination != null && recording.getDumpOnExit() && recording.getState() == RecordingState.RUNNING) {
                try {
                    recording.dump(destination);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "FLUX-0805 Cannot write the JFR recording " + recording.getName() + " to "
                            + destination + " before the halt", e);
                }
            }
        }
    }
}
