package dev.flux.shutdown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.flux.shutdown.internal.config.Durations;

/** The duration forms that every {@code flux.shutdown.*} duration key accepts, and those it refuses. */
class DurationsTest {

    static Stream<Arguments> acceptedForms() {
        return Stream.of(
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("30s", Duration.ofSeconds(30)),
                Arguments.of("2m", Duration.ofMinutes(2)),
                Arguments.of("1h", Duration.ofHours(1)),
                Arguments.of("45", Duration.ofSeconds(45)),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("0", Duration.ZERO),
                Arguments.of("PT30S", Duration.ofSeconds(30)),
                Arguments.of("pt1m", Duration.ofMinutes(1)),
                Arguments.of("PT0.5S", Duration.ofMillis(500)),
                Arguments.of("10S", Duration.ofSeconds(10)),
                Arguments.of(" 5s ", Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @MethodSource("acceptedForms")
    void acceptedFormIsParsedToItsDuration(String text, Duration expected) {
        assertThat(Durations.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = { "", "   ", "-5s", "1.5s", "10 parsecs", "5d", "s", "ms", "PT-1S", "-PT1S", "PT",
            "P", "thirty seconds",
            // overflow: too many digits for the short form, or too many hours for a Duration
            "9999999999999999999", "999999999999999999h", "PT9999999999999999999H" })
    void invalidFormIsRejected(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" names the accepted forms")
    @ValueSource(strings = { "500ms", "30s", "2m", "PT30S" })
    void expectedFormQuotesEveryAcceptedForm(String form) {
        assertThat(Durations.EXPECTED_FORM).contains(form);
    }
}
