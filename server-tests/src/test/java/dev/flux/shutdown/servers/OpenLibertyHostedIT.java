package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;

/** Several applications carrying the library in one Open Liberty 25.0.0.8. */
class OpenLibertyHostedIT extends HostedAppsContract {

    @Override
    ServerProcess server(Path workDir) throws IOException {
        return new OpenLiberty(workDir);
    }
}
