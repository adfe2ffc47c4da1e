package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;

/**
 * The single-application contract on WildFly 39.0.1.Final ({@code standalone-microprofile.xml}). Needs
 * {@code jdk.unsupported} visible to deployments (the library jar's manifest), like {@link WildFlyHostedIT}.
 */
@Tag("needs-lead")
class WildFlyIT extends SingleAppContract {

    @Override
    ServerProcess server(Path workDir) throws IOException {
        return new WildFly(workDir);
    }

    @Override
    String processMode() {
        return "a server hosts the application";
    }
}
