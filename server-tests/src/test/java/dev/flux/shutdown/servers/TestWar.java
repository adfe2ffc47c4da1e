package dev.flux.shutdown.servers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A plain WAR of the test application (src/main) with the library jar in {@code WEB-INF/lib} and
 * its own {@code META-INF/microprofile-config.properties}: no server-specific descriptor, as a user would ship it.
 * Written with the JDK's jar support: a WAR is a zip, and this is all a test needs of one.
 */
final class TestWar {

    /** Set by the build: the compiled test application. */
    private static final String APP_CLASSES = "server-tests.app-classes";
    /** Set by the build: the library jar (Jackson shaded in). */
    private static final String WAR_LIB = "server-tests.war-lib";

    private final String name;
    private final Map<String, String> config = new LinkedHashMap<>();

    private TestWar(String name) {
        this.name = name;
    }

    /**
     * The application {@code name} ({@code name.war}, served under {@code /name}), recording its events in
     * {@code eventsDir} and keeping its checkpoints in {@code stateDir}; the readiness delay and drain bound are
     * short, so that a shutdown takes seconds.
     */
    static TestWar named(String name, Path eventsDir, Path stateDir) {
        return new TestWar(name)
                .with("app.name", name)
                .with("app.events-dir", eventsDir.toString())
                .with("app.marker", markerOf(name))
                .with("flux.shutdown.state.dir", stateDir.toString())
                .with("flux.shutdown.readiness-delay", "2s")
                .with("flux.shutdown.drain.timeout", "20s")
                .with("flux.shutdown.timeout", "40s");
    }

    /** The value of {@code app.marker} in the application {@code name}'s own configuration. */
    static String markerOf(String name) {
        return "marker-of-" + name;
    }

    /** Sets one entry of the application's {@code microprofile-config.properties}. */
    TestWar with(String key, String value) {
        config.put(key, value);
        return this;
    }

    String name() {
        return name;
    }

    String fileName() {
        return name + ".war";
    }

    /** Writes the WAR into {@code dir} and returns its path. */
    Path writeTo(Path dir) throws IOException {
        Path war = dir.resolve(fileName());
        Path classes = Path.of(requiredProperty(APP_CLASSES));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war))) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    add(out, "WEB-INF/classes/" + slashed(classes.relativize(file)), file);
                }
            }
            try (Stream<Path> jars = Files.list(Path.of(requiredProperty(WAR_LIB)))) {
                for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                    add(out, "WEB-INF/lib/" + jar.getFileName(), jar);
                }
            }
            out.putNextEntry(new JarEntry("WEB-INF/classes/META-INF/microprofile-config.properties"));
            Properties properties = new Properties();
            properties.putAll(config);
            properties.store(out, "test application " + name);
            out.closeEntry();
        }
        return war;
    }

    private static void add(JarOutputStream out, String entry, Path file) throws IOException {
        out.putNextEntry(new JarEntry(entry));
        Files.copy(file, out);
        out.closeEntry();
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(File.separatorChar, '/');
    }

    static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + key + " is not set: run the server tests through"
                    + " Maven (server-tests/pom.xml sets it)");
        }
        return value;
    }
}
