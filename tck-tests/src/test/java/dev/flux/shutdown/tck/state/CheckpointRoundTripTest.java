package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.Holdings;
import dev.flux.shutdown.tck.state.deployment.Holdings.Position;
import dev.flux.shutdown.tck.state.deployment.Portfolio;

@ExtendWith(ArquillianExtension.class)
class CheckpointRoundTripTest {

    @TempDir
    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        Portfolio previousRun = new Portfolio();
        previousRun.load(Holdings.sample());
        StateFiles.write(dir, StateFiles.checkpointOf(Portfolio.class, previousRun));
        return Deployments.library(StateFiles.stateDir(dir))
                .addClasses(Portfolio.class, Holdings.class, Holdings.Address.class, Holdings.Position.class,
                        RecordingProcessExit.class);
    }

    @Inject
    Portfolio portfolio;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void nestedObjectsCollectionsRecordsAndTimesSurviveRestoreAndPersist() throws Exception {
        assertThat(portfolio.holdings()).isEqualTo(Holdings.sample());
        assertThat(portfolio.injected()).as("injected fields are not state and stay injected").isTrue();
        Position bought = new Position("NEW", 1, new BigDecimal("0.10"));
        portfolio.buy(bought);

        shutdown.initiate("test");
        exit.awaitExit();

        List<Position> positions = new ArrayList<>(Holdings.sample().positions());
        positions.add(bought);
        Holdings h = Holdings.sample();
        Holdings expected = new Holdings(h.owner(), h.cash(), h.address(), positions, h.trades(), h.opened(),
                h.holding(), h.review());
        assertThat(StateFiles.readInto(dir, Portfolio.class, new Portfolio()).holdings()).isEqualTo(expected);
        assertThat(StateFiles.read(dir, Portfolio.class).state().has("beanManager")).isFalse();
        PhaseReport persisting = shutdown.report().orElseThrow().phases().stream()
                .filter(p -> p.phase() == ShutdownPhase.PERSISTING).findFirst().orElseThrow();
        assertThat(persisting.summary()).isEqualTo("1 checkpoint written");
        assertThat(persisting.details()).hasSize(2).first().asString()
                .matches("'portfolio': written, " + Files.size(StateFiles.file(dir, Portfolio.class))
                        + " bytes in \\d+ms");
    }

    @Test
    void checkpointFileIsOwnerOnly() throws Exception {
        Path file = StateFiles.file(dir, Portfolio.class);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
