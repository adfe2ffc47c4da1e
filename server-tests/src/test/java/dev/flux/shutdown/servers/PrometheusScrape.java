package dev.flux.shutdown.servers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer of a Prometheus text endpoint ({@code /metrics}), read into samples: enough of the exposition format
 * to find a metric by name and labels. Comments ({@code # HELP}, {@code # TYPE}) are skipped.
 */
record PrometheusScrape(long nanoTime, String text, List<Sample> samples) {

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line: a name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    static PrometheusScrape parse(long nanoTime, String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = LINE.matcher(line.strip());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), Map.copyOf(labels), Double.parseDouble(sample.group(3))));
        }
        return new PrometheusScrape(nanoTime, text, List.copyOf(samples));
    }

    /** The value of the one sample named {@code name} whose labels include {@code labels} (key, value, ...). */
    OptionalDouble value(String name, String... labels) {
        List<Sample> found = matching(name, labels).stream().filter(s -> s.name().equals(name)).toList();
        if (found.size() > 1) {
            throw new IllegalStateException("More than one sample " + name + " with " + List.of(labels) + ": "
                    + found);
        }
        return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0).value());
    }

    /** Every sample whose name starts with {@code prefix} and whose labels include {@code labels}. */
    List<Sample> matching(String prefix, String... labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.name().startsWith(prefix) && includes(sample.labels(), labels)) {
                found.add(sample);
            }
        }
        return found;
    }

    /** The lines of the text (comments included) about metrics whose name starts with {@code prefix}. */
    List<String> linesAbout(String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix) || line.matches("# (HELP|TYPE) " + prefix + ".*"))
                .toList();
    }

    private static boolean includes(Map<String, String> labels, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
