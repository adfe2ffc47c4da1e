package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.tck.stateapp.CounterService;

/** A {@code @Persistent} counter survives SIGTERM and a restart with its exact value. */
class RestartKeepsCounterTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void counterContinuesFromItsExactValueAfterSigtermAndRestart() throws Exception {
        Map<String, String> config = Map.of(StateConfig.DIR, temp.resolve("state").toString());

        try (ChildJvm first = ChildJvm.start(CounterService.class, config)) {
            first.awaitLine("ready visits=0"::equals, BOUND);
            for (int i = 0; i < 3; i++) {
                first.send("increment");
            }
            first.awaitLine("visits=3"::equals, BOUND);
            first.terminate();
            assertThat(first.awaitExit(BOUND)).as(first.tail()).isZero();
            assertThat(first.lines()).anySatisfy(line -> assertThat(line).contains("FLUX-0011",
                    "'visits': written"));
        }

        try (ChildJvm second = ChildJvm.start(CounterService.class, config)) {
            second.awaitLine("ready visits=3"::equals, BOUND);
            second.send("increment");
            second.awaitLine("visits=4"::equals, BOUND);
        }
    }
}
