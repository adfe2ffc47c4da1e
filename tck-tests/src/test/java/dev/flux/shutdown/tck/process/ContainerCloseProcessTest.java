package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.tck.app.TckOutput;
import dev.flux.shutdown.tck.app.http.HelidonLikeServerStop;

/**
 * The container-close path of an application that owns its process, when a signal the library does not handle
 * ends the JVM: the phases run from the container's end, before a runtime observer that stops the HTTP server at
 * {@code PLATFORM_BEFORE} (as Helidon MP's does), so requests in flight still complete.
 */
class ContainerCloseProcessTest {

    private static final String STARTED = "FLUX-TCK STARTED ";

    @Test
    void requestsInFlightCompleteBeforeAPlatformObserverStopsTheServer() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of(
                "flux.shutdown.signals", "INT",
                "tck.stop-server-like-helidon", "true"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                slow.add(http.getAsync("/slow?ms=1500"));
            }
            app.awaitLines(line -> line.startsWith(STARTED), 5);

            app.signal("TERM");

            for (CompletableFuture<HttpResponse<byte[]>> response : slow) {
                assertThat(response.get(60, TimeUnit.SECONDS)).satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("done");
                });
            }
            int exitCode = app.awaitExit();
            List<String> output = app.output();
            assertThat(exitCode).as("the JVM's own exit code for SIGTERM").isEqualTo(143);
            assertThat(output).as(app.outputText())
                    .containsSubsequence(TckOutput.PHASE + "DRAINING", TckOutput.PHASE + "EXITING",
                            HelidonLikeServerStop.STOPPING);
            assertThat(output).as("the report, written even though the JDK resets the log handlers meanwhile")
                    .anySatisfy(line -> assertThat(line).contains("FLUX-0010").contains("DRAINING")
                            .contains("5 in flight at start, all finished"))
                    .anySatisfy(line -> assertThat(line).contains("FLUX-0012 Shutdown complete")
                            .contains("the process is left to whoever closed the container")
                            .doesNotContain("exit code"));
        }
    }
}
