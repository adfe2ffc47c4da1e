package dev.flux.shutdown.sample;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

/** Reads the flux-shutdown check from Quarkus' readiness endpoint, as a load balancer's probe would see it. */
final class Readiness {

    private Readiness() {
    }

    /** The JAX-RS requests, {@code @InFlight} calls and tickets in flight now (the probe itself is no JAX-RS request). */
    static int inFlight() {
        return fluxCheck().getInt("find { it.name == 'flux-shutdown' }.data.in-flight");
    }

    static JsonPath fluxCheck() {
        return given().get("/q/health/ready").then().extract().jsonPath().setRootPath("checks");
    }
}
