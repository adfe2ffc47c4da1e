package dev.flux.shutdown.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro from the central repository's jar, on Java 21+ (it needs it), without clustering, with its runtime
 * directory in the test's working directory; the application owns this process. Deploys only at start.
 */
final class PayaraMicro extends ServerProcess {

    PayaraMicro(Path workDir) throws IOException {
        super(workDir);
    }

    @Override
    protected List<String> command(List<Path> wars) {
        Path java = Path.of(TestWar.requiredProperty("server-tests.java21-home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", TestWar.requiredProperty("server-tests.payara-micro-jar"),
                "--nocluster", "--rootdir", workDir.resolve("payara-root").toString(),
                "--port", Integer.toString(httpPort)));
        for (Path war : wars) {
            command.add("--deploy");
            command.add(war.toString());
        }
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of();
    }

    @Override
    protected boolean isStarted(String line) {
        return line.contains("Payara Micro") && line.contains("ready in");
    }

    @Override
    protected boolean isDeployed(String line, String app) {
        return line.contains(app + " was successfully deployed");
    }

    @Override
    protected boolean isDeployFailure(String line, String app) {
        return line.contains("Exception while deploying the app [" + app + "]");
    }

    @Override
    protected boolean isUndeployed(String line, String app) {
        throw new UnsupportedOperationException("Payara Micro tests deploy at start only");
    }

    @Override
    protected Path hotDeployDirectory() {
        throw new UnsupportedOperationException("Payara Micro tests deploy at start only");
    }

    @Override
    protected URI readinessUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
    }
}
