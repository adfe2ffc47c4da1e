package dev.flux.shutdown.tck.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the library's own sources say a user can see: the names under {@code flux.shutdown.} (configuration keys and
 * meter names) and the {@code FLUX-nnnn} message codes. Read from the sources, wherever their classes live, so the
 * docs are checked against the code itself rather than against a list kept by hand.
 */
final class ExtensionVocabulary {

    static final String PREFIX = "flux.shutdown.";

    /** {@code static final String NAME = "flux.shutdown.";}: a constant that names are built from. */
    private static final Pattern PREFIX_CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"" + Pattern.quote(PREFIX) + "\"\\s*;");
    /** {@code Owner.NAME + "suffix"} or {@code NAME + "suffix"}. */
    private static final Pattern BUILT_NAME = Pattern.compile(
            "(?<![\\w.])(?:(\\w+)\\s*\\.\\s*)?(\\w+)\\s*\\+\\s*\"([a-z0-9][a-z0-9.-]*[a-z0-9])\"");
    /** {@code "flux.shutdown.suffix"} written out whole. */
    private static final Pattern LITERAL_NAME = Pattern.compile(
            "\"" + Pattern.quote(PREFIX) + "([a-z0-9][a-z0-9.-]*[a-z0-9])\"");
    /** {@code import static a.b.Owner.NAME;} or {@code import static a.b.Owner.*;}. */
    private static final Pattern STATIC_IMPORT = Pattern.compile("import\\s+static\\s+[\\w.]*?(\\w+)\\.(\\w+|\\*)\\s*;");
    static final Pattern CODE = Pattern.compile("FLUX-\\d{4}");

    /** Each name under the prefix, with where it is built from: {@code Owner.CONSTANT}, or "a literal". */
    final Map<String, String> names = new TreeMap<>();
    final Set<String> codes = new TreeSet<>();

    ExtensionVocabulary(Repository repository, String sourceDirectory) {
        List<Path> sources = repository.javaSources(sourceDirectory);
        if (sources.isEmpty()) {
            throw new IllegalStateException("no Java sources in " + sourceDirectory);
        }
        Map<String, String> texts = new TreeMap<>();
        Map<String, Set<String>> prefixConstants = new TreeMap<>(); // owner class -> constant names
        for (Path source : sources) {
            String owner = source.getFileName().toString().replace(".java", "");
            String text = JavaText.withoutComments(repository.read(source));
            texts.put(owner, text);
            Matcher m = PREFIX_CONSTANT.matcher(text);
            while (m.find()) {
                prefixConstants.computeIfAbsent(owner, o -> new TreeSet<>()).add(m.group(1));
            }
            Matcher codes = CODE.matcher(text);
            while (codes.find()) {
                this.codes.add(codes.group());
            }
        }
        for (Map.Entry<String, String> source : texts.entrySet()) {
            String owner = source.getKey();
            Matcher built = BUILT_NAME.matcher(source.getValue());
            while (built.find()) {
                String qualifier = built.group(1);
                String constant = built.group(2);
                String declaring = qualifier != null ? qualifier : declaringOf(constant, owner, source.getValue(),
                        prefixConstants);
                if (prefixConstants.getOrDefault(declaring, Set.of()).contains(constant)) {
                    add(PREFIX + built.group(3), declaring + "." + constant);
                }
            }
            Matcher literal = LITERAL_NAME.matcher(source.getValue());
            while (literal.find()) {
                add(PREFIX + literal.group(1), "a literal");
            }
        }
    }

    /** The class a bare constant name comes from: the file's own, or a class it imports the constant from. */
    private static String declaringOf(String constant, String owner, String text, Map<String, Set<String>> prefixes) {
        if (prefixes.getOrDefault(owner, Set.of()).contains(constant)) {
            return owner;
        }
        Matcher imports = STATIC_IMPORT.matcher(text);
        while (imports.find()) {
            if (imports.group(2).equals(constant) || imports.group(2).equals("*")) {
                if (prefixes.getOrDefault(imports.group(1), Set.of()).contains(constant)) {
                    return imports.group(1);
                }
            }
        }
        return owner;
    }

    private void add(String name, String origin) {
        names.merge(name, origin, (a, b) -> a.equals(b) ? a : a + ", " + b);
    }

    /** The origins (prefix constants) that built at least one of the given names. */
    Set<String> originsOf(Set<String> some) {
        Set<String> origins = new TreeSet<>();
        some.forEach(n -> origins.addAll(List.of(names.get(n).split(", "))));
        return origins;
    }

    /** The names built from one origin. */
    Set<String> namesFrom(String origin) {
        Set<String> from = new TreeSet<>();
        names.forEach((name, origins) -> {
            if (new ArrayList<>(List.of(origins.split(", "))).contains(origin)) {
                from.add(name);
            }
        });
        return from;
    }
}
