package dev.flux.shutdown.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payara Micro from the central repository's jar, without clustering, with its runtime directory in the test's
 * working directory; the application owns this process. Deploys only at start. Payara Micro 6 (Jakarta EE 10,
 * Java 11+) runs on the JDK that runs the build; Payara Micro 7 needs Java 21+ (see {@link #java21Home()}).
 */
final class PayaraMicro extends ServerProcess {

    /**
     * Set by the build: a Java 21+ home for Payara Micro 7, for that server's process only (the build may run on
     * 17); {@code .ci/run} passes its Java 25 there.
     */
    static final String JAVA21_HOME = "server-tests.payara7.java-home";

    private final Path jar;
    private final Path javaHome;

    private PayaraMicro(Path workDir, Path jar, Path javaHome) throws IOException {
        super(workDir);
        this.jar = jar;
        this.javaHome = javaHome;
    }

    /** Payara Micro 6 on the JDK that runs the tests. */
    static PayaraMicro six(Path workDir) throws IOException {
        return new PayaraMicro(workDir, Path.of(TestWar.requiredProperty("server-tests.payara-micro-jar")),
                Path.of(System.getProperty("java.home")));
    }

    /** Payara Micro 7 on {@link #java21Home()}, which must be there. */
    static PayaraMicro seven(Path workDir) throws IOException {
        return new PayaraMicro(workDir, Path.of(TestWar.requiredProperty("server-tests.payara-micro7-jar")),
                java21Home().orElseThrow(() -> new IllegalStateException("No Java 21+ for Payara Micro 7: set "
                        + JAVA21_HOME + ", or run the build on Java 21+")));
    }

    /** The Java 21+ that Payara Micro 7 runs on: {@link #JAVA21_HOME} if set, else this JVM's if it is 21+. */
    static Optional<Path> java21Home() {
        String configured = System.getProperty(JAVA21_HOME, "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Runtime.version().feature() >= 21 ? Optional.of(Path.of(System.getProperty("java.home")))
                : Optional.empty();
    }

    @Override
    protected List<String> command(List<Path> wars) {
        Path java = javaHome.resolve("bin").resolve("java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString(),
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
