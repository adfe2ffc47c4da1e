package dev.flux.shutdown.tck.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs true: every configuration key and message code of the library is in the reference and nothing
 * else is; every path, module, test class and command the docs name exists; every link inside the repository
 * resolves. It reads the repository's files, so a reader who follows the docs finds what they say.
 */
class DocsConsistencyTest {

    private static final String CONFIGURATION = "docs/configuration.md";
    private static final String MESSAGES = "docs/messages.md";
    private static final String OBSERVABILITY = "docs/observability.md";

    private static final Pattern KEY_CELL = Pattern.compile("`(" + Pattern.quote(ExtensionVocabulary.PREFIX)
            + "[a-z0-9.-]+)`.*");
    private static final Pattern CODE_CELL = Pattern.compile("(FLUX-\\d{4})");
    private static final Pattern NAME_IN_DOCS = Pattern.compile("(?<!\\.)" + Pattern.quote(ExtensionVocabulary.PREFIX)
            + "([a-z][a-z0-9.-]*[a-z0-9])");
    private static final Pattern PATH = Pattern.compile("(?:\\./)?([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+/?)");
    /** A class name ends in Test, IT or Benchmark and has a lower-case letter (an SQL word like COMMIT is none). */
    private static final Pattern TEST_CLASS =
            Pattern.compile("(?<![\\w$@])(?=[A-Za-z0-9]*[a-z])([A-Z][A-Za-z0-9]*(?:Test|IT|Benchmark))\\b");
    private static final Pattern MAVEN = Pattern.compile("(?m)^\\s*(?:\\.\\./|\\./)mvnw\\b.*$");
    private static final Pattern PROJECTS = Pattern.compile("\\s-pl\\s+(\\S+)");
    private static final Pattern TEST_SELECTION = Pattern.compile("\\s-D(test|it\\.test)=(\\S+)");

    private static Repository repository;
    private static List<MarkdownPage> pages;
    private static ExtensionVocabulary vocabulary;

    @BeforeAll
    static void read() {
        repository = Repository.find();
        pages = repository.markdownPages().stream()
                .map(f -> new MarkdownPage(f, repository.read(f))).toList();
        vocabulary = new ExtensionVocabulary(repository, "extension/src/main/java");
    }

    @Test
    void everyConfigurationKeyOfTheCodeIsInTheReferenceAndNothingElse() {
        Set<String> reference = keysOf(page(CONFIGURATION).firstCells(), KEY_CELL);
        Set<String> meters = keysOf(page(OBSERVABILITY).firstCellsOfTable("meter"), KEY_CELL);
        assertThat(meters).as("meters of the table in %s", OBSERVABILITY).isNotEmpty();
        assertThat(reference).as("keys in both %s and the meter table", CONFIGURATION).doesNotContainAnyElementsOf(meters);

        Set<String> inCode = vocabulary.names.keySet();
        Set<String> keys = new TreeSet<>(inCode);
        keys.removeAll(meters);
        assertThat(keys).as("names under flux.shutdown. in extension/src/main (built from %s) that are neither a key"
                + " of %s nor a meter of %s", vocabulary.originsOf(inCode), CONFIGURATION, OBSERVABILITY)
                .isSubsetOf(reference);
        assertThat(reference).as("keys of %s that the code never reads", CONFIGURATION).isSubsetOf(inCode);
        assertThat(meters).as("meters of %s that the code never registers", OBSERVABILITY).isSubsetOf(inCode);
        // a meter name and a key are never built from one constant: the split above is the code's own
        for (String origin : vocabulary.originsOf(meters)) {
            assertThat(vocabulary.namesFrom(origin)).as("names built from %s", origin).isSubsetOf(meters);
        }
    }

    @Test
    void everyMessageCodeOfTheCodeIsInTheReferenceAndNothingElse() {
        Set<String> reference = keysOf(page(MESSAGES).firstCells(), CODE_CELL);
        assertThat(vocabulary.codes).as("codes in extension/src/main").isNotEmpty();
        assertThat(vocabulary.codes).as("codes in extension/src/main missing from %s", MESSAGES).isSubsetOf(reference);
        assertThat(reference).as("codes of %s that the code never logs", MESSAGES).isSubsetOf(vocabulary.codes);
    }

    @Test
    void everyKeyAndCodeTheDocsMentionExists() {
        Set<String> known = new TreeSet<>(vocabulary.names.keySet());
        List<String> unknown = new ArrayList<>();
        for (MarkdownPage page : documentation()) {
            Matcher names = NAME_IN_DOCS.matcher(page.text);
            while (names.find()) {
                String name = names.group();
                String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
                if (!known.contains(trimmed) && known.stream().noneMatch(k -> k.startsWith(trimmed + "."))) {
                    unknown.add(page.file.getFileName() + ": " + trimmed);
                }
            }
            Matcher codes = ExtensionVocabulary.CODE.matcher(page.text);
            while (codes.find()) {
                if (!vocabulary.codes.contains(codes.group())) {
                    unknown.add(page.file.getFileName() + ": " + codes.group());
                }
            }
        }
        assertThat(unknown).as("keys and codes named in the docs that the library does not have").isEmpty();
    }

    @Test
    void everyPathTheDocsNameExists() {
        Set<String> topLevel = new TreeSet<>();
        try (var entries = Files.list(repository.root())) {
            entries.forEach(e -> topLevel.add(e.getFileName().toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> missing = new ArrayList<>();
        for (MarkdownPage page : pages) {
            for (String code : page.code()) {
                for (String token : code.split("[\\s\"'=(),;|]+")) {
                    Matcher m = PATH.matcher(token);
                    if (!m.matches() || token.contains("://") || token.contains("...")) {
                        continue;
                    }
                    String path = m.group(1);
                    String first = path.substring(0, path.indexOf('/'));
                    if (!topLevel.contains(first) || path.contains("/target/")) {
                        continue;
                    }
                    Path file = repository.resolve(path);
                    if (!Files.exists(file)) {
                        missing.add(where(page) + ": " + path);
                    }
                }
            }
        }
        assertThat(missing).as("paths named in the docs that do not exist").isEmpty();
    }

    @Test
    void everyScriptTheDocsRunAsACommandIsExecutable() {
        List<String> problems = new ArrayList<>();
        for (MarkdownPage page : pages) {
            List<String> commands = new ArrayList<>(page.codeBlocks());
            // a span is a command when it has arguments; a bare path in a span may name a file that is only sourced
            page.codeSpans().stream().filter(span -> span.trim().contains(" ")).forEach(commands::add);
            for (String code : commands) {
                for (String line : code.split("\n")) {
                    String command = line.trim().replaceFirst("^([A-Z_]+=\\S*\\s+)+", "");
                    String first = command.split("\\s+", 2)[0].replaceFirst("^\\./", "");
                    Path script = repository.resolve(first);
                    if (first.endsWith(".sh") && Files.isRegularFile(script) && !Files.isExecutable(script)) {
                        problems.add(where(page) + ": " + first);
                    }
                }
            }
        }
        assertThat(problems).as("scripts the docs run as commands that are not executable").isEmpty();
    }

    @Test
    void everyTestAndBenchmarkClassTheDocsNameExists() {
        Set<String> classes = repository.javaClassNames();
        Set<String> missing = new TreeSet<>();
        for (MarkdownPage page : documentation()) {
            for (String code : page.code()) {
                Matcher m = TEST_CLASS.matcher(code);
                while (m.find()) {
                    if (!classes.contains(m.group(1))) {
                        missing.add(where(page) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("test or benchmark classes named in the docs that no Java file declares").isEmpty();
    }

    @Test
    void everyMavenCommandOfTheDocsNamesModulesAndTestsThatExistAndRunsAsWritten() {
        Set<String> modules = repository.modules();
        Set<String> classes = repository.javaClassNames();
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (MarkdownPage page : pages) {
            for (String code : page.code()) {
                Matcher m = MAVEN.matcher(code.replaceAll("\\\\\\n", " "));
                while (m.find()) {
                    commands++;
                    String command = m.group();
                    Matcher pl = PROJECTS.matcher(command);
                    while (pl.find()) {
                        for (String module : pl.group(1).split(",")) {
                            if (!modules.contains(module)) {
                                problems.add(where(page) + ": module " + module + " in " + command.trim());
                            }
                        }
                    }
                    Matcher selection = TEST_SELECTION.matcher(command);
                    while (selection.find()) {
                        String plugin = selection.group(1).equals("test") ? "surefire" : "failsafe";
                        if (!command.contains("-D" + plugin + ".failIfNoSpecifiedTests=false")) {
                            problems.add(where(page) + ": -D" + selection.group(1) + " without -D" + plugin
                                    + ".failIfNoSpecifiedTests=false in " + command.trim());
                        }
                        for (String pattern : selection.group(2).replaceAll("['\"]", "").split(",")) {
                            String simple = pattern.replaceAll("#.*", "");
                            if (!simple.equals("none") && classes.stream().noneMatch(c -> c.matches(glob(simple)))) {
                                problems.add(where(page) + ": no test class matches " + pattern);
                            }
                        }
                    }
                }
            }
        }
        assertThat(commands).as("./mvnw commands found in the docs").isPositive();
        assertThat(problems).as("./mvnw commands in the docs that would not run as written").isEmpty();
    }

    @Test
    void everyLinkInsideTheRepositoryResolves() {
        List<String> broken = new ArrayList<>();
        for (MarkdownPage page : pages) {
            for (String target : page.linkTargets()) {
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page.file : page.file.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(where(page) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !new MarkdownPage(resolved, repository.read(resolved)).anchors().contains(anchor)) {
                    broken.add(where(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    private static String glob(String pattern) {
        return Pattern.quote(pattern).replace("*", "\\E.*\\Q");
    }

    private static Set<String> keysOf(List<String> cells, Pattern cell) {
        Set<String> keys = new LinkedHashSet<>();
        for (String c : cells) {
            Matcher m = cell.matcher(c);
            if (m.matches()) {
                keys.add(m.group(1));
            }
        }
        return new TreeSet<>(keys);
    }

    /** The pages a user reads as the product's documentation: the README and docs/. */
    private static List<MarkdownPage> documentation() {
        return pages.stream().filter(p -> {
            String relative = repository.root().relativize(p.file).toString().replace('\\', '/');
            return relative.equals("README.md") || relative.startsWith("docs/") || relative.endsWith("/README.md");
        }).toList();
    }

    private static MarkdownPage page(String relative) {
        Path file = repository.resolve(relative);
        return pages.stream().filter(p -> p.file.equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError(relative + " is missing"));
    }

    private static String where(MarkdownPage page) {
        return repository.root().relativize(page.file).toString();
    }
}
