package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.tck.state.deployment.FirstTally;
import dev.flux.shutdown.tck.state.deployment.LastTally;
import dev.flux.shutdown.tck.state.deployment.Tally;

/**
 * Quarantine is per bean: in a committed checkpoint whose file of one bean was damaged on disk, that bean alone is
 * moved aside and starts fresh; the other beans restore from the same checkpoint.
 */
@ExtendWith(ArquillianExtension.class)
class OneUnusableBeanInACheckpointTest {

    @TempDir
    static Path dir;

    private static byte[] damaged;

    @Deployment
    static JavaArchive deployment() throws Exception {
        Path generation = StateFiles.writeSet(dir, TwoTallies.firstAt5(),
                TwoTallies.lastAt7());
        Path first = generation.resolve("first.json");
        damaged = Files.readString(first).replace("\"count\" : 5", "\"count\" : 500")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(first, damaged);
        return TwoTallies.deployment(dir);
    }

    @Inject
    FirstTally first;

    @Inject
    LastTally last;

    @Test
    void damagedBeanStartsFreshAndIsMovedAsideWhileTheOtherRestores() throws Exception {
        assertThat(first.count()).as("fresh, never the damaged value").isZero();
        assertThat(last.count()).as("restored from the same checkpoint").isEqualTo(7);
        assertThat(Files.readAllBytes(StateFiles.quarantined(dir, FirstTally.class))).isEqualTo(damaged);
    }
}
