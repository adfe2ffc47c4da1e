package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.tck.app.TckOutput;

/**
 * The foundation as a user meets it: the Weld SE application in {@code dev.flux.shutdown.tck.app} runs as a
 * real JVM with the library on its classpath, and receives real signals from {@code kill}.
 */
class ProcessShutdownTest {

    /** What a graceful shutdown prints: every phase in order, and only then Weld destroying the beans. */
    private static final List<String> PHASES_THEN_PREDESTROY = Stream.concat(
            Arrays.stream(ShutdownPhase.values()).map(phase -> TckOutput.PHASE + phase),
            Stream.of(TckOutput.PREDESTROY)).toList();

    @Test
    void sigtermRunsAllFivePhasesInOrderBeforePreDestroy() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of())) {
            app.awaitReady();

            app.signal("TERM");

            assertThat(app.awaitExit()).as(app.outputText()).isZero();
            assertThat(lifecycleLines(app)).as(app.outputText()).containsExactlyElementsOf(PHASES_THEN_PREDESTROY);
            assertReportLogged(app, 0);
        }
    }

    @Test
    void sigintRunsAllFivePhasesInOrderBeforePreDestroy() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of())) {
            app.awaitReady();
            assumeSigintReachesTheJvm(app);

            app.signal("INT");

            assertThat(app.awaitExit()).as(app.outputText()).isZero();
            assertThat(lifecycleLines(app)).as(app.outputText()).containsExactlyElementsOf(PHASES_THEN_PREDESTROY);
            assertReportLogged(app, 0);
        }
    }

    @Test
    void sigtermExitsWithConfiguredExitCode() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.exit-code", "3"))) {
            app.awaitReady();

            app.signal("TERM");

            assertThat(app.awaitExit()).as(app.outputText()).isEqualTo(3);
            assertReportLogged(app, 3);
        }
    }

    @Test
    void hangingPhaseObserverIsHaltedByWatchdogWithinTimeout() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of(
                "flux.shutdown.timeout", "3s",
                "flux.shutdown.drain.timeout", "1s",
                "flux.shutdown.forced-exit-code", "9",
                "tck.hang-in", "PREPARING"))) {
            app.awaitReady();

            long signalled = System.nanoTime();
            app.signal("TERM");
            int exitCode = app.awaitExit();
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(exitCode).as(app.outputText()).isEqualTo(9);
            assertThat(took).as("timeout 3s + 2s").isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(app.output()).as(app.outputText())
                    .anyMatch(line -> line.contains("FLUX-0003"))
                    .anyMatch(line -> line.contains("FLUX-0012 Shutdown incomplete") && line.endsWith("exit code 9"))
                    .doesNotContain(TckOutput.PREDESTROY);
        }
    }

    @Test
    void secondSigintForcesImmediateExit() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of(
                "flux.shutdown.timeout", "60s",
                "flux.shutdown.forced-exit-code", "9",
                "tck.hang-in", "PREPARING"))) {
            app.awaitReady();
            assumeSigintReachesTheJvm(app);
            app.signal("INT");
            app.awaitLine((TckOutput.PHASE + ShutdownPhase.PREPARING)::equals);

            long signalled = System.nanoTime();
            app.signal("INT");
            int exitCode = app.awaitExit();
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(exitCode).as(app.outputText()).isEqualTo(9);
            assertThat(took).as("well before the 60s timeout").isLessThan(Duration.ofSeconds(10));
            assertThat(app.output()).as(app.outputText()).anyMatch(line -> line.contains("FLUX-0004"));
        }
    }

    @Test
    void signalsNotConfiguredAreLeftToTheJvm() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.signals", "TERM"))) {
            app.awaitReady();
            assumeSigintReachesTheJvm(app);

            app.signal("INT");

            // The JVM's own handler runs the shutdown hooks (exit code 128 + 2); Weld's hook closes the container,
            // whose @BeforeDestroyed starts the phases, still before any bean is destroyed. Only the application's
            // stdout lines are checked: the library's log lines are not reliably there, because the JDK's
            // LogManager resets its handlers from a shutdown hook of its own that runs at the same time.
            assertThat(app.awaitExit()).as(app.outputText()).isEqualTo(130);
            assertThat(lifecycleLines(app)).as(app.outputText()).containsExactlyElementsOf(PHASES_THEN_PREDESTROY);
        }
    }

    @Test
    void enabledFalseLeavesShutdownToTheRuntime() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.enabled", "false"))) {
            app.awaitReady();

            app.signal("TERM");

            assertThat(app.awaitExit()).as(app.outputText()).isEqualTo(143);
            assertThat(lifecycleLines(app)).as(app.outputText()).containsExactly(TckOutput.PREDESTROY);
        }
    }

    @Test
    void invalidConfigurationFailsStartup() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.drain.timeout", "soon"))) {
            int exitCode = app.awaitExit();

            assertThat(exitCode).as(app.outputText()).isNotZero();
            assertThat(app.output()).as(app.outputText())
                    .noneMatch(line -> line.startsWith(TckOutput.READY))
                    .anyMatch(line -> line.contains("FLUX-0100"))
                    .anyMatch(line -> line.contains("flux.shutdown.drain.timeout='soon'")
                            && line.contains("expected") && line.contains("30s"));
        }
    }

    /** Skips a SIGINT test where the build itself runs with SIGINT ignored: no JVM started from it could see one. */
    private static void assumeSigintReachesTheJvm(ChildJvm app) throws IOException {
        assumeFalse(app.ignoresSignal("INT"), "SIGINT is ignored by this build's process (started as a background"
                + " job?), so the application inherits that and never receives it");
    }

    /** The application's own lines after READY: phases and PREDESTROY, in the order they were printed. */
    private static List<String> lifecycleLines(ChildJvm app) {
        return app.output().stream()
                .filter(line -> line.startsWith(TckOutput.PHASE) || line.equals(TckOutput.PREDESTROY))
                .toList();
    }

    /** The shutdown report: one line per phase and a summary with the exit code. */
    private static void assertReportLogged(ChildJvm app, int exitCode) {
        assertThat(app.output()).as(app.outputText())
                .filteredOn(line -> line.contains("FLUX-0010")).hasSize(ShutdownPhase.values().length);
        assertThat(app.output()).as(app.outputText())
                .anyMatch(line -> line.contains("FLUX-0012") && line.endsWith("exit code " + exitCode));
    }
}
