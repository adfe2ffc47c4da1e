package dev.flux.shutdown.tck;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.spi.Extension;

import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.smallrye.health.AsyncHealthCheckFactory;
import io.smallrye.health.SmallRyeHealthReporter;

import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;

/** Builds test deployments: the library as a user's application sees it, plus the beans one behaviour needs. */
public final class Deployments {

    private static final String ANNOTATED_BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private Deployments() {
    }

    /**
     * The library's classes, its extension and its beans.xml, with no configuration of its own. The filter sees
     * archive paths ({@code /dev/flux/shutdown/tck/X.class}), so it excludes the tests' classes by their folder,
     * and the jar's relocated Jackson, which the jar's own beans.xml keeps out of discovery (it is still loaded
     * from the jar on the class path).
     */
    public static JavaArchive library() {
        return ShrinkWrap.create(JavaArchive.class, "flux-shutdown-test.jar")
                .addPackages(true, Filters.exclude(".*/dev/flux/shutdown/(tck|internal/jackson)/.*"), "dev.flux.shutdown")
                .addAsManifestResource(new StringAsset(ANNOTATED_BEANS_XML), "beans.xml")
                .addAsServiceProvider(Extension.class, FluxShutdownExtension.class);
    }

    /** The library with the given MicroProfile Config properties in the deployment's own config file. */
    public static JavaArchive library(Map<String, String> config) {
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        return library().addAsManifestResource(new StringAsset(properties), "microprofile-config.properties");
    }

    /**
     * Adds SmallRye Health's reporter, the logic behind a runtime's {@code /health/ready} endpoint, so that a test
     * sees readiness as a load balancer would: the overall status of every {@code @Readiness} check.
     */
    public static JavaArchive withHealth(JavaArchive archive) {
        return archive.addClasses(SmallRyeHealthReporter.class, AsyncHealthCheckFactory.class);
    }
}
