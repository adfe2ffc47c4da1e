package dev.flux.shutdown.internal.cdi.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.Persistent;
import dev.flux.shutdown.internal.ShutdownConfig;

class PersistentDiscoveryTest {

    @TempDir
    Path temp;

    @Persistent
    static class Cart {
    }

    @Persistent("cart-total")
    static class Total {
    }

    @Persistent("CART-TOTAL")
    static class Shouting {
    }

    private static ShutdownConfig config(Map<String, String> properties) {
        return ShutdownConfig.read(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build(), Map.of());
    }

    @Test
    void applicationScopedAndSingletonAreAccepted() {
        PersistentDiscovery discovery = new PersistentDiscovery();

        assertThat(discovery.add(Cart.class, ApplicationScoped.class)).isEmpty();
        assertThat(discovery.add(Total.class, Singleton.class)).isEmpty();
    }

    @Test
    void scopesWithManyInstancesAreRefusedWithAFix() {
        PersistentDiscovery discovery = new PersistentDiscovery();

        assertThat(discovery.add(Cart.class, SessionScoped.class)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("FLUX-0490").contains(Cart.class.getName(), "@SessionScoped",
                        "make it @ApplicationScoped or @Singleton"));
        assertThat(discovery.add(Cart.class, Dependent.class)).hasValueSatisfying(
                problem -> assertThat(problem).contains("no scope annotation means @Dependent"));
    }

    @Test
    void namesThatDifferOnlyInCaseClash() {
        PersistentDiscovery discovery = new PersistentDiscovery();
        discovery.add(Total.class, ApplicationScoped.class);
        discovery.add(Shouting.class, ApplicationScoped.class);

        assertThat(discovery.deploymentProblems(config(Map.of("flux.shutdown.state.dir", temp.toString()))))
                .singleElement().asString().startsWith("FLUX-0492").contains("cart-total", "CART-TOTAL");
    }

    @Test
    void stateDirectoryIsCheckedOnlyWhenThereIsAPersistentBeanAndTheLibraryIsEnabled() throws Exception {
        String file = Files.writeString(temp.resolve("file"), "x").toString();
        PersistentDiscovery none = new PersistentDiscovery();
        PersistentDiscovery one = new PersistentDiscovery();
        one.add(Cart.class, ApplicationScoped.class);

        assertThat(none.deploymentProblems(config(Map.of("flux.shutdown.state.dir", file)))).isEmpty();
        assertThat(one.deploymentProblems(config(Map.of("flux.shutdown.state.dir", file,
                "flux.shutdown.enabled", "false")))).isEmpty();
        assertThat(one.deploymentProblems(config(Map.of("flux.shutdown.state.dir", file)))).singleElement()
                .asString().startsWith("FLUX-0491 flux.shutdown.state.dir=" + file).contains("not a directory");
    }
}
