package dev.flux.shutdown.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * WildFly from the build's unpacked distribution, {@code standalone-microprofile.xml}, with a server base directory
 * of the test's (configuration copied from the distribution, deployment scanner polling every 200 ms), every port
 * free and on the loopback interface. {@code standalone.sh} runs the JVM as its child: the JVM is signalled, not
 * the script. Health is on the management port.
 */
final class WildFly extends ServerProcess {

    private static final String CONFIG = "standalone-microprofile.xml";

    private final Path home = Path.of(TestWar.requiredProperty("server-tests.wildfly-home"));
    private final Path baseDir;
    private final Path deployments;
    private final int[] ports = FreePorts.take(4);

    WildFly(Path workDir) throws IOException {
        super(workDir);
        this.baseDir = workDir.resolve("standalone");
        this.deployments = baseDir.resolve("deployments");
    }

    @Override
    protected List<String> command(List<Path> wars) throws IOException {
        Path configuration = Files.createDirectories(baseDir.resolve("configuration"));
        try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()));
            }
        }
        Path config = configuration.resolve(CONFIG);
        Files.writeString(config, Files.readString(config).replace("scan-interval=\"5000\"", "scan-interval=\"200\""));
        Files.createDirectories(deployments);
        for (Path war : wars) {
            Files.copy(war, deployments.resolve(war.getFileName()));
        }
        return List.of(home.resolve("bin/standalone.sh").toString(), "-c", CONFIG,
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + httpPort,
                "-Djboss.https.port=" + ports[0],
                "-Djboss.management.http.port=" + ports[1],
                "-Djboss.management.https.port=" + ports[2],
                "-Djboss.ajp.port=" + ports[3]);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"), "LAUNCH_JBOSS_IN_BACKGROUND", "");
    }

    @Override
    protected ProcessHandle jvmOf(ProcessHandle launcher) {
        return launcher.descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No java process under " + launcher.info()));
    }

    @Override
    protected boolean isStarted(String line) {
        return line.contains("WFLYSRV0025") || line.contains("WFLYSRV0026");
    }

    @Override
    protected boolean isDeployed(String line, String app) {
        return line.contains("WFLYSRV0010: Deployed \"" + app + ".war\"");
    }

    @Override
    protected boolean isDeployFailure(String line, String app) {
        return (line.contains("WFLYSRV0021") || line.contains("WFLYCTL0013"))  && line.contains(app + ".war");
    }

    @Override
    protected boolean isUndeployed(String line, String app) {
        return line.contains("WFLYSRV0009: Undeployed \"" + app + ".war\"");
    }

    @Override
    protected Path hotDeployDirectory() {
        return deployments;
    }

    @Override
    protected URI readinessUri() {
        return URI.create("http://127.0.0.1:" + ports[1] + "/health/ready");
    }
}
