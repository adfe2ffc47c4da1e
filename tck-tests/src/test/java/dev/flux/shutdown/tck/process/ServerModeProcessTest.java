package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.tck.app.TckOutput;

/**
 * The Weld SE application told that a server hosts it ({@code flux.shutdown.process=server}): the library runs
 * the phases on a signal but never ends or halts the process; the signal then goes on to the JVM's own handler, as
 * a server's would.
 */
class ServerModeProcessTest {

    @Test
    void sigtermRunsThePhasesThenHandsTheSignalToTheJvm() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.process", "server"))) {
            app.awaitReady();

            app.signal("TERM");

            assertThat(app.awaitExit()).as("the JVM's own exit code for SIGTERM; " + app.outputText())
                    .isEqualTo(143);
            assertThat(app.output()).as(app.outputText())
                    .anySatisfy(line -> assertThat(line).contains("FLUX-0020")
                            .contains("a server hosts the application (flux.shutdown.process=server)"))
                    .containsSubsequence(TckOutput.PHASE + ShutdownPhase.PREPARING, TckOutput.PHASE
                            + ShutdownPhase.EXITING, TckOutput.PREDESTROY)
                    .anySatisfy(line -> assertThat(line).contains("FLUX-0012 [app=application] Shutdown complete")
                            .endsWith("the process is left to the server"));
        }
    }

    @Test
    void theWatchdogStopsWaitingInsteadOfHalting() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of(
                "flux.shutdown.process", "server",
                "flux.shutdown.timeout", "3s",
                "flux.shutdown.drain.timeout", "1s",
                "flux.shutdown.forced-exit-code", "9",
                "tck.hang-in", "PREPARING"))) {
            app.awaitReady();

            app.signal("TERM");
            // bounded by awaitExit: without the watchdog's end of waiting, the hanging phase would keep the
            // dispatcher and the container waiting past it
            int exitCode = app.awaitExit();

            assertThat(exitCode).as("never forced-exit-code: the JVM's own; " + app.outputText()).isEqualTo(143);
            assertThat(app.output()).as(app.outputText())
                    .anySatisfy(line -> assertThat(line).contains("FLUX-0003").contains("stops waiting"))
                    .contains(TckOutput.PREDESTROY);
        }
    }
}
