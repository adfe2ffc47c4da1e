package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;

/** The single-application contract on WildFly 39.0.1.Final ({@code standalone-microprofile.xml}). */
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
