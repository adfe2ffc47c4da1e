package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.SingletonTally;
import dev.flux.shutdown.tck.state.deployment.Tally;

/**
 * {@code @Singleton} is not a bean-defining annotation, so such a bean lives in an archive with discovery mode
 * {@code all} (or is added explicitly, or runs on Quarkus, which discovers it).
 */
@ExtendWith(ArquillianExtension.class)
class SingletonPersistentTest {

    @TempDir
    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        StateFiles.write(dir, StateFiles.checkpointWithState(SingletonTally.class, "{\"count\":7}"));
        return Deployments.library(StateFiles.stateDir(dir))
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addClasses(Tally.class, Tally.Note.class, SingletonTally.class, RecordingProcessExit.class);
    }

    @Inject
    SingletonTally singleton;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void singletonBeanIsRestoredBeforePostConstructAndPersisted() throws Exception {
        assertThat(singleton.seenAtPostConstruct()).isEqualTo(7);
        singleton.increment();

        shutdown.initiate("test");
        exit.awaitExit();

        assertThat(StateFiles.read(dir, SingletonTally.class).state().get("count").asLong()).isEqualTo(8);
    }
}
