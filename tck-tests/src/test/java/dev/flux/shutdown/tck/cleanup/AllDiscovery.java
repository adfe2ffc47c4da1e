package dev.flux.shutdown.tck.cleanup;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Makes a test deployment discover every class, as an application archive with {@code bean-discovery-mode="all"}
 * does: {@code @Singleton} is not a bean-defining annotation, so an {@code annotated} archive would not see a
 * {@code @Singleton} bean.
 */
public final class AllDiscovery {

    private static final String ALL_BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
            """;

    private AllDiscovery() {
    }

    public static JavaArchive of(JavaArchive archive) {
        return archive.addAsManifestResource(new StringAsset(ALL_BEANS_XML), "beans.xml");
    }
}
