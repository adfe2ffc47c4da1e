package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The sample's {@code @Persistent} visit counter over HTTP, as the state ITs use it. */
final class Visits {

    private Visits() {
    }

    /** Counts {@code visits} visits from a fresh counter, checking each answer, then stops the sample with SIGTERM. */
    static void countThenSigterm(SampleProcess sample, int visits) throws IOException, InterruptedException {
        for (int i = 1; i <= visits; i++) {
            assertThat(body(sample.post("/visits"))).isEqualTo(Long.toString(i));
        }
        sample.signal("TERM");
        assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
    }

    /** The body of a 200 answer. */
    static String body(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
