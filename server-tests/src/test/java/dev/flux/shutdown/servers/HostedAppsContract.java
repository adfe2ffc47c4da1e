package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the library does in a server that hosts several applications which each carry it: SIGTERM drains all of
 * them at once and the server then stops by itself; undeploying one, in either order and even past its shutdown
 * bound, leaves the server up, the other application serving and still drained by a later SIGTERM, and none of the
 * library's threads behind.
 */
abstract class HostedAppsContract {

    static final String SLOW_REQUEST = SingleAppContract.SLOW_REQUEST;
    static final String LIBRARY_THREADS = "/threads?prefix=flux-shutdown";

    @TempDir
    Path dir;
    Path events;
    Path state;

    /** A server of the kind under test, not started yet, working in {@code workDir}. */
    abstract ServerProcess server(Path workDir) throws IOException;

    @BeforeEach
    void directories() throws IOException {
        events = Files.createDirectories(dir.resolve("events"));
        state = dir.resolve("state");
    }

    private TestWar app(String name) {
        return TestWar.named(name, events, state.resolve(name));
    }

    @Test
    void sigtermDrainsEveryApplicationThenTheServerExitsByItself() throws Exception {
        try (ServerProcess server = server(dir.resolve("run")).start(app("alpha"), app("beta"))) {
            List<CompletableFuture<HttpResponse<String>>> slow = List.of(server.getAsync("alpha", SLOW_REQUEST),
                    server.getAsync("beta", SLOW_REQUEST));
            server.awaitLine(line -> AppEvents.isEvent(line, "alpha", "slow-started"));
            server.awaitLine(line -> AppEvents.isEvent(line, "beta", "slow-started"));

            server.signal("TERM");

            HttpResponse<String> down = await().atMost(ServerProcess.TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(server::readiness, response -> response.statusCode() == 503);
            assertThat(down.body()).as("both applications' readiness at once; output:%n%s", server.outputText())
                    .contains("\"phase\":\"PREPARING\"").doesNotContain("\"phase\":\"RUNNING\"");
            Responses.assertWhole(slow, 100_000);
            server.awaitExit(ServerProcess.TIMEOUT);
            for (String app : List.of("alpha", "beta")) {
                assertThat(AppEvents.cleanups(events, app)).as("%s; output:%n%s", app, server.outputText())
                        .containsExactly("cleanup-10", "cleanup-20", "cleanup-30");
                assertThat(server.output()).as("the report of " + app)
                        .anyMatch(line -> line.contains("FLUX-0001 [app=" + app + "]") && line.contains("SIGTERM"))
                        .anyMatch(line -> line.contains("FLUX-0012 [app=" + app + "]"));
            }
        }
    }

    @Test
    void undeployingTheFirstApplicationPastItsTimeoutLeavesTheOtherServingAndDrained() throws Exception {
        TestWar alpha = app("alpha")
                .with("flux.shutdown.readiness-delay", "1s")
                .with("flux.shutdown.drain.timeout", "1s")
                .with("flux.shutdown.timeout", "3s")
                .with("flux.shutdown.cleanup.timeout", "30s")
                .with("app.slow-cleanup", "6000");
        try (ServerProcess server = server(dir.resolve("run")).start(alpha)) {
            server.deploy(app("beta"));

            server.undeploy("alpha");

            server.awaitLine(line -> line.contains("FLUX-0003") && line.contains("[app=alpha]"));
            assertThat(AppEvents.of(events, "alpha")).contains("cleanup-30 slow PT6S");
            assertServing(server, "beta");
            assertNoLibraryThreadLeft(server, "beta");
            assertDrainedBySigterm(server, "beta");
        }
    }

    @Test
    void undeployingTheLastApplicationLeavesTheFirstServingAndDrained() throws Exception {
        try (ServerProcess server = server(dir.resolve("run")).start(app("alpha"))) {
            server.deploy(app("beta"));

            server.undeploy("beta");

            assertThat(AppEvents.cleanups(events, "beta")).containsExactly("cleanup-10", "cleanup-20", "cleanup-30");
            assertServing(server, "alpha");
            assertNoLibraryThreadLeft(server, "alpha");
            assertDrainedBySigterm(server, "alpha");
        }
    }

    private static void assertServing(ServerProcess server, String app) throws Exception {
        assertThat(server.isAlive()).as("the server is up").isTrue();
        assertThat(server.get(app, "/hello").body()).isEqualTo("hello from " + app);
        HttpResponse<String> readiness = server.readiness();
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    }

    /** The remaining application lists the JVM's threads: none of the library's may outlive the undeployment. */
    private static void assertNoLibraryThreadLeft(ServerProcess server, String app) {
        await().atMost(ServerProcess.TIMEOUT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(server.get(app, LIBRARY_THREADS).body()).isEmpty());
    }

    private void assertDrainedBySigterm(ServerProcess server, String app) throws Exception {
        CompletableFuture<HttpResponse<String>> slow = server.getAsync(app, SLOW_REQUEST);
        server.awaitLine(line -> AppEvents.isEvent(line, app, "slow-started"));

        server.signal("TERM");

        Responses.assertWhole(List.of(slow), 100_000);
        server.awaitExit(ServerProcess.TIMEOUT);
        assertThat(AppEvents.cleanups(events, app)).as(server.outputText())
                .containsExactly("cleanup-10", "cleanup-20", "cleanup-30");
        assertThat(server.output()).as("the library's signal path, not only the server's own stop")
                .anyMatch(line -> line.contains("FLUX-0001 [app=" + app + "]") && line.contains("SIGTERM"))
                .anyMatch(line -> line.contains("FLUX-0012 [app=" + app + "]"));
    }
}
