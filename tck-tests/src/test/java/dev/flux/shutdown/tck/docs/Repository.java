package dev.flux.shutdown.tck.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The repository as the docs see it: its root, its markdown pages, its modules and the names of its Java files. */
final class Repository {

    private static final Set<String> NOT_SOURCES = Set.of("target", ".git", ".mvn", "node_modules", "sample-data");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private final Path root;

    private Repository(Path root) {
        this.root = root;
    }

    /** Finds the root from the working directory of the test (a module directory, or the root itself). */
    static Repository find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return new Repository(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and docs/) above "
                + Path.of("").toAbsolutePath());
    }

    Path root() {
        return root;
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every markdown page of the repository, build output and data directories left out. */
    List<Path> markdownPages() {
        return files().filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
    }

    /** Simple names (without {@code .java}) of every Java file anywhere in the repository. */
    Set<String> javaClassNames() {
        return files().map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                .map(n -> n.substring(0, n.length() - ".java".length())).collect(Collectors.toSet());
    }

    /** The Java sources under one directory of the repository. */
    List<Path> javaSources(String directory) {
        try (Stream<Path> walk = Files.walk(root.resolve(directory))) {
            return walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules of the root POM, as {@code -pl} accepts them (directories). */
    Set<String> modules() {
        Matcher m = MODULE.matcher(read(root.resolve("pom.xml")));
        Set<String> modules = new java.util.HashSet<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    private Stream<Path> files() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        for (Path part : root.relativize(f)) {
                            if (NOT_SOURCES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    }).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
