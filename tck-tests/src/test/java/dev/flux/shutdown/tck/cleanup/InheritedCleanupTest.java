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
import dev.flux.shutdown.tck.cleanup.inherited.Indexer;
import dev.flux.shutdown.tck.cleanup.inherited.Mailer;
import dev.flux.shutdown.tck.cleanup.inherited.PooledResource;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** A cleanup declared by a superclass runs for each bean that inherits it, named after the bean. */
@ExtendWith(ArquillianExtension.class)
class InheritedCleanupTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(RecordingProcessExit.class, CleanupLog.class, PooledResource.class,
                Mailer.class, Indexer.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CleanupLog log;

    @Inject
    Mailer mailer;

    @Inject
    Indexer indexer;

    @Test
    void inheritedCleanupsRunInReverseCreationOrderOfTheirBeans() throws Exception {
        shutDown();

        assertThat(log.entries()).containsExactly("mailer", "indexer");
    }

    @Test
    void reportNamesTheBeanClassNotTheDeclaringClass() throws Exception {
        shutDown();

        assertThat(CleaningReport.of(shutdown).details()).anySatisfy(line -> assertThat(line)
                .startsWith(Mailer.class.getName() + "#closePool [no priority]: ok in "));
    }

    private void shutDown() throws Exception {
        indexer.touch();
        mailer.touch();
        shutdown.initiate("test");
        assertThat(exit.awaitExit()).isZero();
    }
}
