package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The single-application contract on Payara Micro 7, where the application owns the process. It needs Java 21+:
 * it runs where {@link PayaraMicro#java21Home()} finds one ({@code .ci/run} passes its Java 25).
 */
@EnabledIf(value = "hasJava21", disabledReason = "no Java 21+ for Payara Micro 7: set " + PayaraMicro.JAVA21_HOME)
class PayaraMicro7IT extends SingleAppContract {

    @Override
    ServerProcess server(Path workDir) throws IOException {
        return PayaraMicro.seven(workDir);
    }

    static boolean hasJava21() {
        return PayaraMicro.java21Home().isPresent();
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
