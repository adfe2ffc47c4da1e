package dev.flux.shutdown.sample;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The visit counter's endpoints, in process (its survival of a restart is {@code it.StateIT}). */
@QuarkusTest
class VisitsTest {

    @Test
    void eachPostCountsOneVisitAndGetReadsTheCount() {
        long before = Long.parseLong(given().get("/visits").then().statusCode(200).extract().asString());

        long first = Long.parseLong(given().post("/visits").then().statusCode(200).extract().asString());
        long second = Long.parseLong(given().post("/visits").then().statusCode(200).extract().asString());

        assertThat(first).isEqualTo(before + 1);
        assertThat(second).isEqualTo(before + 2);
        assertThat(Long.parseLong(given().get("/visits").asString())).isEqualTo(before + 2);
    }
}
