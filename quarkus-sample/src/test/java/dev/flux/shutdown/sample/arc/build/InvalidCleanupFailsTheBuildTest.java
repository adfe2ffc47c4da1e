package dev.flux.shutdown.sample.arc.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

import dev.flux.shutdown.sample.arc.build.invalid.DependentWithCleanup;
import dev.flux.shutdown.sample.arc.build.invalid.PrivateCleanup;

/**
 * On Quarkus the build-compatible extension applies the same {@code @Cleanup} rules as the portable extension on
 * Weld, at build time: an invalid declaration fails the build with the same coded message. (The invalid beans are
 * kept out of the {@code @QuarkusTest} applications by {@code quarkus.arc.exclude-types}.)
 */
class InvalidCleanupFailsTheBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest BUILD = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(DependentWithCleanup.class, PrivateCleanup.class))
            .overrideConfigKey("quarkus.arc.exclude-types", "dev.flux.shutdown.sample.arc.beans.*")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:invalid-cleanup")
            .assertException(failure -> assertThat(messages(failure))
                    .contains("FLUX-0390 " + DependentWithCleanup.class.getName() + " declares @Cleanup method(s)"
                            + " close but is @Dependent")
                    .contains("FLUX-0392 @Cleanup method " + PrivateCleanup.class.getName() + "#close is private"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                messages.append(suppressed.getMessage()).append('\n');
            }
        }
        return messages.toString();
    }
}
