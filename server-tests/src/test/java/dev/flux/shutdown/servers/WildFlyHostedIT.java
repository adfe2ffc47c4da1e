package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;

/**
 * Several applications carrying the library in one WildFly 39.0.1.Final. Needs {@code jdk.unsupported} visible to
 * deployments (the library jar's manifest): without it the library cannot take SIGTERM on WildFly (FLUX-0030) and
 * only the server's own stop drains the applications.
 */
@Tag("needs-lead")
class WildFlyHostedIT extends HostedAppsContract {

    @Override
    ServerProcess server(Path workDir) throws IOException {
        return new WildFly(workDir);
    }
}
