package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.junit.jupiter.api.Test;

/** Each test deployment holds the library and only the beans its test adds, never the whole test suite. */
class DeploymentsTest {

    @Test
    void libraryDeploymentHoldsNoTestClasses() {
        assertThat(Deployments.library().getContent().keySet()).extracting(ArchivePath::get)
                .noneMatch(path -> path.contains("/tck/"))
                .anyMatch(path -> path.endsWith("/ShutdownCoordinator.class"));
    }
}
