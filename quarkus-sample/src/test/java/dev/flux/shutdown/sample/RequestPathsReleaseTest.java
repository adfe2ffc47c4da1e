package dev.flux.shutdown.sample;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every path a request can take on Quarkus REST ends its time in flight exactly once, and not before its response:
 * a leak would hold DRAINING until {@code drain.timeout}. Some paths skip the response filters and the writer
 * interceptor on Quarkus REST (an unmapped exception, sync or async; a path no resource matches): the end of the
 * CDI request context releases those.
 */
@QuarkusTest
class RequestPathsReleaseTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "/hello, 200", "/paths/no-content, 204", "/paths/fail, 500", "/paths/web-fail, 418",
            "/paths/mapped-fail, 409", "/paths/async, 200", "/paths/async-fail, 500", "/paths/stage, 200",
            "/paths/stage-fail, 500", "/paths/uni, 200", "/paths/uni-fail, 500", "/export?kb=2048, 200",
            "/paths/stream, 200", "/paths/stream-fail, 200", "/no-such-resource, 404" })
    void everyRequestPathReleasesItsCountExactlyOnce(String path, int status) {
        for (int i = 0; i < 3; i++) {
            given().get(path).then().statusCode(status);
        }

        Readiness.awaitNothingInFlight();
    }

    @Test
    void headRequestReleasesItsCountExactlyOnce() {
        given().head("/export?kb=2048").then().statusCode(200);
        given().head("/hello").then().statusCode(200);

        Readiness.awaitNothingInFlight();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/paths/async?ms=1500", "/paths/stage?ms=1500", "/paths/uni?ms=1500", "/report?ms=1500" })
    void suspendedRequestStaysInFlightUntilItsResponse(String path) throws Exception {
        Readiness.awaitNothingInFlight();
        CompletableFuture<Integer> response = CompletableFuture.supplyAsync(() -> given().get(path).statusCode());
        await().atMost(BOUND).until(() -> Readiness.inFlight() == 1);

        assertThat(response).isNotDone();
        assertThat(response.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        Readiness.awaitNothingInFlight();
    }

    @Test
    void clientThatAbortsMidResponseIsReleased() throws Exception {
        Readiness.awaitNothingInFlight();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /paths/stream?chunks=400&pause-ms=10 HTTP/1.1\r\nHost: " + root.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(1024)).hasSize(1024);
            assertThat(Readiness.inFlight()).isEqualTo(1);
            socket.setSoLinger(true, 0);
        }

        await().atMost(BOUND).until(() -> Readiness.inFlight() == 0);
    }
}
