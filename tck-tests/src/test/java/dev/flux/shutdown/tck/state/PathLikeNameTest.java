package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.EscapingTally;
import dev.flux.shutdown.tck.state.deployment.Tally;

/** {@code @Persistent("../../etc/x")}: the checkpoint stays a plain file inside the state directory. */
@ExtendWith(ArquillianExtension.class)
class PathLikeNameTest {

    @TempDir
    static Path root;

    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        dir = root.resolve("a/b/state");
        return Deployments.library(StateFiles.stateDir(dir))
                .addClasses(Tally.class, Tally.Note.class, EscapingTally.class, RecordingProcessExit.class);
    }

    @Inject
    EscapingTally escaping;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void pathLikeNameIsWrittenInsideTheStateDirectory() throws Exception {
        escaping.increment();

        shutdown.initiate("test");
        exit.awaitExit();

        List<Path> everything;
        try (Stream<Path> files = Files.walk(root)) {
            everything = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("MANIFEST"))
                    .toList();
        }
        assertThat(everything).singleElement().satisfies(file -> {
            assertThat(file.getParent().getParent()).as("in a generation of the state directory").isEqualTo(dir);
            assertThat(file.getFileName().toString()).isEqualTo("_.._.._etc_x-56da1a2e.json");
        });
        assertThat(StateFiles.read(dir, EscapingTally.class).name()).isEqualTo("../../etc/x");
    }
}
