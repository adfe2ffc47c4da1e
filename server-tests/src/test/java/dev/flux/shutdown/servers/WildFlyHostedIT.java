package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;

/** Several applications carrying the library in one WildFly 39.0.1.Final. */
class WildFlyHostedIT extends HostedAppsContract {

    @Override
    ServerProcess server(Path workDir) throws IOException {
        return new WildFly(workDir);
    }
}
