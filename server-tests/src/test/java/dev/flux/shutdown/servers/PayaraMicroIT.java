package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/** The single-application contract on Payara Micro 6, where the application owns the process. */
class PayaraMicroIT extends SingleAppContract {

    @Override
    ServerProcess server(Path workDir) throws IOException {
        return PayaraMicro.six(workDir);
    }

    @Override
    String processMode() {
        return "the application owns the process";
    }

    @Override
    OptionalInt exitCode() {
        return OptionalInt.of(0);
    }
}
