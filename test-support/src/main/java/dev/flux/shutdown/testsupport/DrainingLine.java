package dev.flux.shutdown.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The DRAINING line of a shutdown report ({@code FLUX-0010}) in a child's output, and the duration it gives. */
public final class DrainingLine {

    private static final Pattern DRAINING = Pattern.compile("FLUX-0010 DRAINING +([0-9.]+)(ms|s) +ok ");

    private DrainingLine() {
    }

    /** The first DRAINING report line of {@code output}. */
    public static String find(List<String> output) {
        return output.stream().filter(line -> line.contains("FLUX-0010 DRAINING")).findFirst()
                .orElseThrow(() -> new AssertionError("no FLUX-0010 DRAINING line in the output"));
    }

    /** The duration of an ok DRAINING phase that {@code reportLine} states ({@code 3.2s}, {@code 850ms}). */
    public static Duration duration(String reportLine) {
        Matcher m = DRAINING.matcher(reportLine);
        if (!m.find()) {
            throw new AssertionError("not an ok DRAINING line: " + reportLine);
        }
        double value = Double.parseDouble(m.group(1));
        return Duration.ofMillis((long) (m.group(2).equals("s") ? value * 1000 : value));
    }
}
