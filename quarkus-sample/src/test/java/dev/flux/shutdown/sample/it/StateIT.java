package dev.flux.shutdown.sample.it;

import static dev.flux.shutdown.sample.it.Visits.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @Persistent} state in the packaged Quarkus sample: the build-compatible extension bound the restore
 * interceptor to {@code VisitCounter} at build time, SIGTERM writes its checkpoint in PERSISTING, and the next start in
 * the same working directory reads it back before the first request.
 */
class StateIT {

    private static final int VISITS = 7;

    @RegisterExtension
    final SampleWorkDir workDirs = new SampleWorkDir("flux-quarkus-state-");

    @Test
    void counterContinuesFromTheExactValueAfterSigtermAndRestart() throws Exception {
        Path workDir = workDirs.create();
        Path stateDir = workDir.resolve("sample-data/state");
        try (SampleProcess first = SampleProcess.start(Map.of(), workDir)) {
            Visits.countThenSigterm(first, VISITS);
            assertThat(first.output()).as(first.outputText())
                    .anyMatch(line -> line.contains("FLUX-0011   PERSISTING: 'visits': written"));
            try (Stream<Path> generations = Files.list(stateDir)) {
                assertThat(generations.map(generation -> generation.resolve("visits.json")))
                        .as("the checkpoint, in the one generation of the state directory")
                        .singleElement().satisfies(file -> assertThat(file).isRegularFile());
            }
        }

        try (SampleProcess second = SampleProcess.start(Map.of(), workDir)) {
            assertThat(body(second.get("/visits"))).as(second.outputText()).isEqualTo(Long.toString(VISITS));
            assertThat(body(second.post("/visits"))).isEqualTo(Long.toString(VISITS + 1));
            second.awaitLine(line -> line.contains("FLUX-0400 Restored @Persistent bean 'visits'"));
        }
    }
}
