package dev.flux.shutdown.sample;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The sample's own API, in process. */
@QuarkusTest
class SampleApiTest {

    @Test
    void helloAnswersAtOnce() {
        Response response = given().get("/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).isEqualTo("hello");
    }

    @Test
    void placedOrdersAreCounted() {
        long before = Long.parseLong(given().get("/orders/count").asString());

        JsonPath placed = given().post("/orders?item=tea").then().statusCode(200).extract().jsonPath();
        given().post("/orders?item=cake").then().statusCode(200);

        assertThat(placed.getString("item")).isEqualTo("tea");
        assertThat(Long.parseLong(given().get("/orders/count").asString())).isEqualTo(before + 2);
    }

    @Test
    void reportTakesTheTimeItIsAskedFor() {
        long start = System.nanoTime();

        JsonPath report = given().get("/report?ms=300").then().statusCode(200).extract().jsonPath();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(report.getLong("tookMs")).isEqualTo(300);
        assertThat(report.getLong("orders")).isNotNegative();
    }

    @Test
    void exportReturnsExactlyTheSizeAskedFor() {
        byte[] body = given().get("/export?kb=1536").then().statusCode(200).extract().asByteArray();

        assertThat(body).hasSize(1536 * 1024);
    }

    @Test
    void readinessIsUpWithTheShutdownCheckRunningAndNothingInFlight() {
        given().get("/q/health/ready").then().statusCode(200);

        JsonPath checks = Readiness.fluxCheck();
        assertThat(checks.getString("find { it.name == 'flux-shutdown' }.status")).isEqualTo("UP");
        assertThat(checks.getString("find { it.name == 'flux-shutdown' }.data.phase")).isEqualTo("RUNNING");
        Readiness.awaitNothingInFlight();
    }
}
