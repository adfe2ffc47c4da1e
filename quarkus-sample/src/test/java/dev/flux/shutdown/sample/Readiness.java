package dev.flux.shutdown.sample;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.path.json.JsonPath;

/** Reads the flux-shutdown check from Quarkus' readiness endpoint, as a load balancer's probe would see it. */
final class Readiness {

    /** How long a count may take to settle after the client has the response, on a loaded machine. */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(10);

    private Readiness() {
    }

    /** The JAX-RS requests, {@code @InFlight} calls and tickets in flight now (the probe itself is no JAX-RS request). */
    static int inFlight() {
        return fluxCheck().getInt("find { it.name == 'flux-shutdown' }.data.in-flight");
    }

    /**
     * Waits, bounded, until nothing is in flight. A request may still be counted when its client already has the
     * response (the end of the request context can release it later), so one reading right after a response would
     * be a race; a leak never gets to zero and fails at the bound.
     */
    static void awaitNothingInFlight() {
        await().atMost(SETTLE_BOUND).until(Readiness::inFlight, count -> count == 0);
    }

    static JsonPath fluxCheck() {
        return given().get("/q/health/ready").then().extract().jsonPath().setRootPath("checks");
    }
}
