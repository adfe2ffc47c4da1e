package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Configuration mistakes stop the Quarkus sample at startup, not at shutdown. */
class StartupIT {

    @Test
    void invalidConfigurationFailsStartupNamingKeyValueAndExpectedForm() throws Exception {
        try (SampleProcess sample = SampleProcess.launch(Map.of("flux.shutdown.drain.timeout", "soon"))) {
            assertThat(sample.awaitExit()).as(sample.outputText()).isNotZero();
            assertThat(sample.output()).anySatisfy(line -> assertThat(line).contains("FLUX-0100"));
            assertThat(sample.output()).anySatisfy(line -> assertThat(line)
                    .contains("flux.shutdown.drain.timeout='soon' is invalid: expected a non-negative duration"));
            assertThat(sample.output()).noneSatisfy(line -> assertThat(line).contains("Listening on"));
        }
    }

    @Test
    void unusableStateDirectoryFailsStartupWhenThereIsAPersistentBean() throws Exception {
        try (SampleProcess sample = SampleProcess.launch(Map.of("flux.shutdown.state.dir", "/dev/null/state"))) {
            assertThat(sample.awaitExit()).as(sample.outputText()).isNotZero();
            assertThat(sample.output()).anySatisfy(line -> assertThat(line)
                    .contains("FLUX-0491 flux.shutdown.state.dir=/dev/null/state"));
            assertThat(sample.output()).noneSatisfy(line -> assertThat(line).contains("Listening on"));
        }
    }
}
