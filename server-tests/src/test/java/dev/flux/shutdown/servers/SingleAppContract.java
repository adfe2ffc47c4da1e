package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the library does for one application on a server, whichever server: deployed as a plain WAR, SIGTERM
 * drains the requests in flight after a readiness delay during which the application still serves, then runs the
 * cleanups in order and writes the {@code @Persistent} state, which the next start restores.
 */
abstract class SingleAppContract {

    /** Slow enough that DRAINING still waits for them after the 2 s readiness delay, on a loaded machine too. */
    static final String SLOW_REQUEST = "/slow?millis=6000&bytes=100000";
    static final int SLOW_REQUESTS = 4;

    @TempDir
    Path dir;
    Path events;
    Path state;

    /** A server of the kind under test, not started yet, working in {@code workDir}. */
    abstract ServerProcess server(Path workDir) throws IOException;

    /** How the library's startup line (FLUX-0020) must describe who owns the process on this server. */
    abstract String processMode();

    /**
     * The exit code after a complete shutdown where the application owns the process ({@code flux.shutdown.exit-code});
     * empty where the server chooses it.
     */
    OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    @BeforeEach
    void directories() throws IOException {
        events = Files.createDirectories(dir.resolve("events"));
        state = dir.resolve("state");
    }

    @Test
    void sigtermDrainsInFlightRequestsRunsCleanupsInOrderAndStateSurvivesRestart() throws Exception {
        TestWar alpha = TestWar.named("alpha", events, state);
        try (ServerProcess server = server(dir.resolve("first-run")).start(alpha)) {
            assertThat(server.get("alpha", "/hello").body()).isEqualTo("hello from alpha");
            assertThat(server.readiness().statusCode()).as(server.readiness().body()).isEqualTo(200);
            for (int i = 1; i <= 3; i++) {
                assertThat(server.post("alpha", "/count").body()).isEqualTo(Integer.toString(i));
            }
            List<CompletableFuture<HttpResponse<String>>> slow = IntStream.range(0, SLOW_REQUESTS)
                    .mapToObj(i -> server.getAsync("alpha", SLOW_REQUEST)).toList();
            server.awaitLines(line -> AppEvents.isEvent(line, "alpha", "slow-started"), SLOW_REQUESTS);

            server.signal("TERM");

            HttpResponse<String> down = await().atMost(ServerProcess.TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(server::readiness, response -> response.statusCode() == 503);
            HttpResponse<String> duringDelay = server.get("alpha", "/hello");
            assertThat(down.body()).as("readiness while the delay runs; output:%n%s", server.outputText())
                    .contains("PREPARING");
            assertThat(duringDelay.statusCode()).as("a request during the readiness delay").isEqualTo(200);
            assertThat(duringDelay.body()).isEqualTo("hello from alpha");
            Responses.assertWhole(slow, 100_000);

            int exit = server.awaitExit(ServerProcess.TIMEOUT);
            exitCode().ifPresent(expected -> assertThat(exit).as("exit code").isEqualTo(expected));
            assertThat(AppEvents.cleanups(events, "alpha")).as(server.outputText())
                    .containsExactly("cleanup-10", "cleanup-20", "cleanup-30");
        }
        try (ServerProcess again = server(dir.resolve("second-run")).start(alpha)) {
            assertThat(again.get("alpha", "/count").body()).as("the counter after a restart").isEqualTo("3");
        }
    }

    /** MicroProfile Config and the rest of the application's context, on the JVM's signal thread too. */
    @Test
    void cleanupOnTheSignalPathSeesTheApplicationsOwnConfig() throws Exception {
        TestWar alpha = TestWar.named("alpha", events, state).with("flux.shutdown.readiness-delay", "0s");
        try (ServerProcess server = server(dir.resolve("run")).start(alpha)) {
            assertThat(server.output()).as("the startup line naming the process mode")
                    .anyMatch(line -> line.contains("FLUX-0020") && line.contains(processMode()));
            assertThat(server.output()).as("the shutdown shown in JFR: the jdk.jfr module is visible to the application")
                    .anyMatch(line -> line.contains("FLUX-0802") && line.contains("JFR events"));

            server.signal("TERM");

            server.awaitExit(ServerProcess.TIMEOUT);
            assertThat(server.output()).as("started by the signal, not by the server's own stop")
                    .anyMatch(line -> line.contains("FLUX-0001") && line.contains("SIGTERM"));
            assertThat(AppEvents.of(events, "alpha")).as(server.outputText())
                    .contains("cleanup-20 app.marker=" + TestWar.markerOf("alpha"));
        }
    }
}
