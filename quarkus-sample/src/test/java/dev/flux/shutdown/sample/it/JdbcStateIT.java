package dev.flux.shutdown.sample.it;

import static dev.flux.shutdown.sample.it.Visits.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged Quarkus sample with {@code flux.shutdown.state.store=jdbc}: its checkpoints go to the sample's own
 * Agroal datasource (the default {@code DataSource} bean, the H2 file database of its orders), and a successor
 * with another instance name claims the released checkpoint and continues the count.
 */
class JdbcStateIT {

    private static final int VISITS = 5;

    @RegisterExtension
    final SampleWorkDir workDirs = new SampleWorkDir("flux-quarkus-jdbc-state-");

    @Test
    void checkpointGoesToTheApplicationsDataSourceAndToTheNextInstance() throws Exception {
        Path workDir = workDirs.create();
        try (SampleProcess first = SampleProcess.start(config("sample-1"), workDir)) {
            Visits.countThenSigterm(first, VISITS);
            assertThat(first.output()).as(first.outputText()).anyMatch(line -> line.contains("FLUX-0726"));
        }
        assertThat(workDir.resolve("sample-data/state")).doesNotExist();

        try (SampleProcess second = SampleProcess.start(config("sample-2"), workDir)) {
            assertThat(body(second.get("/visits"))).as(second.outputText()).isEqualTo(Long.toString(VISITS));
            second.awaitLine(line -> line.contains("FLUX-0725") && line.contains("released by instance 'sample-1'"));
            assertThat(body(second.post("/visits"))).isEqualTo(Long.toString(VISITS + 1));
        }
    }

    private static Map<String, String> config(String instance) {
        return Map.of("flux.shutdown.state.store", "jdbc", "flux.shutdown.state.instance", instance);
    }
}
