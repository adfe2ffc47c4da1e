package dev.flux.shutdown.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Open Liberty from the build's unpacked runtime, with a user directory of the test's ({@code WLP_USER_DIR}) holding
 * one server: the four features the library needs, one HTTP port on the loopback interface, enough threads that
 * slow requests do not hold up readiness, INFO on the console (the library's report is INFO), WARs in
 * {@code dropins/}, which Liberty polls; a test may add features ({@link #withFeature}) and let its applications see
 * third-party APIs ({@link #withThirdPartyApis}). {@code bin/server run} execs the JVM, so the launcher is the process
 * to signal.
 */
final class OpenLiberty extends ServerProcess {

    private static final String SERVER = "flux";

    private final Path userDir;
    private final Path dropins;
    private final List<String> extraFeatures = new ArrayList<>();
    private final StringBuilder extraConfig = new StringBuilder();
    private final Path configDropins;
    private boolean configured;
    private boolean thirdPartyApis;

    OpenLiberty(Path workDir) throws IOException {
        super(workDir);
        this.userDir = workDir.resolve("usr");
        this.dropins = userDir.resolve("servers").resolve(SERVER).resolve("dropins");
        this.configDropins = userDir.resolve("servers").resolve(SERVER).resolve("configDropins/overrides");
    }

    /**
     * Deploys the WARs given to {@link #start} from where they were written, each declared in a file of its own in
     * {@code configDropins/overrides}, which Liberty watches; {@link #undeploy} deletes that file, so the server stops
     * the application while its WAR stays in place (with {@code mpMetrics}, a request that ends after its WAR was
     * deleted from {@code dropins} fails: Liberty's HTTP metrics then read the application's MicroProfile Config
     * from the deleted archive).
     */
    OpenLiberty deployingFromConfig() {
        configured = true;
        extraConfig.append("  <config monitorInterval=\"200ms\"/>\n");
        return this;
    }

    /**
     * Deploys from configuration ({@link #deployingFromConfig}) with the third-party APIs visible to the applications:
     * Liberty hides them by default, the OpenTelemetry API of {@code mpTelemetry} among them, and the library finds
     * the {@code OpenTelemetry} bean only where the application sees its type.
     */
    OpenLiberty withThirdPartyApis() {
        thirdPartyApis = true;
        return deployingFromConfig();
    }

    /**
     * Adds {@code feature} (from the all-features runtime) to the four the library needs, with the server.xml
     * {@code elements} it needs; before {@link #start}.
     */
    OpenLiberty withFeature(String feature, String... elements) {
        extraFeatures.add(feature);
        for (String element : elements) {
            extraConfig.append("  ").append(element).append('\n');
        }
        return this;
    }

    @Override
    protected List<String> command(List<Path> wars) throws IOException {
        Files.createDirectories(dropins);
        StringBuilder features = new StringBuilder();
        for (String feature : extraFeatures) {
            features.append("    <feature>").append(feature).append("</feature>\n");
        }
        Files.writeString(dropins.getParent().resolve("server.xml"), """
                <server>
                  <featureManager>
                    <feature>cdi-4.0</feature>
                    <feature>restfulWS-3.1</feature>
                    <feature>mpConfig-3.1</feature>
                    <feature>mpHealth-4.0</feature>
                %s  </featureManager>
                  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                  <applicationMonitor pollingRate="200ms"/>
                  <!-- the default core size is 2 per CPU: 4 slow requests would hold every thread of a 2-core
                       machine, and readiness would wait for one of them -->
                  <executor coreThreads="16"/>
                  <logging consoleLogLevel="INFO"/>
                %s</server>
                """.formatted(features, httpPort, extraConfig));
        for (Path war : wars) {
            if (configured) {
                String name = war.getFileName().toString().replaceFirst("\\.war$", "");
                String classLoader = thirdPartyApis ? "<classloader apiTypeVisibility=\"+third-party\"/>" : "";
                Files.writeString(Files.createDirectories(configDropins).resolve(name + ".xml"),
                        "<server><webApplication id=\"%s\" name=\"%s\" contextRoot=\"/%s\" location=\"%s\">%s"
                                .formatted(name, name, name, war.toAbsolutePath(), classLoader)
                                + "</webApplication></server>\n");
            } else {
                Files.copy(war, dropins.resolve(war.getFileName()));
            }
        }
        Path home = Path.of(TestWar.requiredProperty("server-tests.liberty-home"));
        return List.of(home.resolve("bin/server").toString(), "run", SERVER);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"), "WLP_USER_DIR", userDir.toString(),
                // a server started many times a build on a shared machine: quick start, few GC threads
                "JVM_ARGS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    }

    @Override
    protected boolean isStarted(String line) {
        return line.contains("CWWKF0011I");
    }

    @Override
    protected boolean isDeployed(String line, String app) {
        return line.contains("CWWKZ0001I: Application " + app + " started");
    }

    @Override
    protected boolean isDeployFailure(String line, String app) {
        return (line.contains("CWWKZ0002E") || line.contains("CWWKZ0004E")) && line.contains(" " + app + " ");
    }

    @Override
    protected boolean isUndeployed(String line, String app) {
        return line.contains("CWWKZ0009I: The application " + app + " has stopped");
    }

    @Override
    protected void remove(String app) throws IOException {
        if (configured) {
            Files.delete(configDropins.resolve(app + ".xml"));
        } else {
            super.remove(app);
        }
    }

    @Override
    protected Path hotDeployDirectory() {
        return dropins;
    }

    @Override
    protected URI readinessUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
    }
}
