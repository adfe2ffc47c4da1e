package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.cleanup.creation.Connection;
import dev.flux.shutdown.tck.cleanup.creation.First;
import dev.flux.shutdown.tck.cleanup.creation.Repository;
import dev.flux.shutdown.tck.cleanup.creation.Second;
import dev.flux.shutdown.tck.cleanup.creation.Third;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** Cleanups without a priority run in reverse order of their beans' creation: what started last is released first. */
@ExtendWith(ArquillianExtension.class)
class ReverseCreationOrderTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(RecordingProcessExit.class, CleanupLog.class, First.class,
                Second.class, Third.class, Connection.class, Repository.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CleanupLog log;

    @Inject
    First first;

    @Inject
    Second second;

    @Inject
    Third third;

    @Inject
    Repository repository;

    @Test
    void unprioritizedCleanupsRunInReverseOrderOfCreation() throws Exception {
        shutDown();

        assertThat(log.entries()).containsSubsequence("first", "third", "second");
    }

    @Test
    void beanIsCleanedUpBeforeTheBeanItUsedWhileStarting() throws Exception {
        shutDown();

        assertThat(log.entries()).containsSubsequence("repository", "connection");
    }

    @Test
    void everyCreatedBeanIsCleanedUpExactlyOnce() throws Exception {
        shutDown();

        assertThat(log.entries()).as("created: second, third, connection, repository, first")
                .containsExactly("first", "repository", "connection", "third", "second");
    }

    /** Creates the beans in a known order (not the order of their names), then shuts down once for all tests. */
    private void shutDown() throws Exception {
        second.touch();
        third.touch();
        repository.touch();
        first.touch();
        shutdown.initiate("test");
        assertThat(exit.awaitExit()).isZero();
    }
}
