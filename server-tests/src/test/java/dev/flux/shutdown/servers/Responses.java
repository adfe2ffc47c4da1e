package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Checks on the answers to slow requests that were in flight when a shutdown began. */
final class Responses {

    private Responses() {
    }

    /** Every answer came, with 200 and the whole body of {@code bytes} times {@code x}. */
    static void assertWhole(List<CompletableFuture<HttpResponse<String>>> responses, int bytes) throws Exception {
        for (CompletableFuture<HttpResponse<String>> pending : responses) {
            HttpResponse<String> response = pending.get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
            assertThat(response.body()).hasSize(bytes).matches("x*");
        }
    }
}
