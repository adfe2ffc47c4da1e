package dev.flux.shutdown.sample.arc.build.invalid;

import jakarta.enterprise.context.Dependent;

import dev.flux.shutdown.Cleanup;

/** Invalid on purpose: a cleanup runs once, on one instance, which a {@code @Dependent} bean does not have. */
@Dependent
public class DependentWithCleanup {

    @Cleanup
    void close() {
    }
}
