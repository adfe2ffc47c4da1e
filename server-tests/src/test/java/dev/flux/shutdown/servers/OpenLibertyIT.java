package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;

/** The single-application contract on Open Liberty 25.0.0.8. */
class OpenLibertyIT extends SingleAppContract {

    @Override
    ServerProcess server(Path workDir) throws IOException {
        return new OpenLiberty(workDir);
    }

    @Override
    String processMode() {
        return "a server hosts the application";
    }
}
