package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.tck.app.TckOutput;
import dev.flux.shutdown.tck.copies.LibraryCopies;
import dev.flux.shutdown.testsupport.ChildProcess;

/**
 * An application that leaves a server gives the JVM's signal slot back whenever no other application can take
 * it: here the one that stays cannot see {@code sun.misc.Signal}. Nothing of the leaving application stays in the
 * slot, and a SIGTERM afterwards runs the JVM's shutdown hooks as it did before any application came.
 */
class SignalSlotHandOverProcessTest {

    @Test
    void aLeavingApplicationRestoresTheOriginalHandlerWhenTheOneStayingCannotHandleSignals() throws Exception {
        ProcessBuilder command = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dflux.shutdown.process=server",
                "-cp", ChildJvm.appClasspath(),
                LibraryCopies.class.getName()));
        command.environment().remove("KUBERNETES_SERVICE_HOST");
        try (ChildProcess server = ChildProcess.start(command, "server with two copies of the library")) {
            String slot = server.awaitLine(line -> line.startsWith(LibraryCopies.SLOT));
            server.awaitLine(line -> line.startsWith(TckOutput.READY));

            assertThat(slot).as(server.outputText()).doesNotContain(LibraryCopies.LEAVING);

            server.signal("TERM");

            assertThat(server.awaitExit()).as(server.outputText()).isEqualTo(143);
            assertThat(server.output()).as(server.outputText()).contains(LibraryCopies.HOOK);
        }
    }
}
