package dev.flux.shutdown.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long-lived scenario that the Weld SE process test and the Quarkus sample both play at a real SIGTERM: its numbers
 * (event streams, long polls and WebSocket sessions, with a few slow ordinary requests beside them) and the check of
 * the DRAINING report line that ends it: DRAINING ended them all and waited only for the ordinary requests.
 */
public final class LongLivedScenario {

    public static final int STREAMS = 100;
    public static final int POLLS = 20;
    public static final int SESSIONS = 50;
    /** Ordinary requests in flight at SIGTERM, each taking {@link #SLOW_MILLIS}. */
    public static final int SLOW = 10;
    public static final long SLOW_MILLIS = 3000;

    private static final Pattern DRAINING = Pattern.compile("FLUX-0010 DRAINING +([0-9.]+)(ms|s) +ok ");

    private LongLivedScenario() {
    }

    /** Opens the scenario's streams of {@code events}, polls with {@code poll} and sessions with {@code chat}. */
    public static LongLivedClients open(HttpClient client, URI events,
            Supplier<CompletableFuture<HttpResponse<byte[]>>> poll, URI chat) {
        return LongLivedClients.open(client, events, STREAMS, poll, POLLS, chat, SESSIONS);
    }

    /**
     * Checks the DRAINING report line of {@code output}: the slow requests all finished, the {@code clients} were
     * ended, and DRAINING lasted less than a slow request and 5 s (it did not wait for the long-lived ones).
     */
    public static void checkDraining(List<String> output, LongLivedClients clients) {
        String line = output.stream().filter(l -> l.contains("FLUX-0010 DRAINING")).findFirst()
                .orElseThrow(() -> new AssertionError("no FLUX-0010 DRAINING line in the output"));
        for (String expected : List.of(SLOW + " in flight at start, all finished", clients.endedSummary())) {
            if (!line.contains(expected)) {
                throw new AssertionError("expected \"" + expected + "\" in: " + line);
            }
        }
        Duration bound = Duration.ofMillis(SLOW_MILLIS).plusSeconds(5);
        if (duration(line).compareTo(bound) >= 0) {
            throw new AssertionError("DRAINING took " + duration(line) + ", not less than " + bound + ": " + line);
        }
    }

    private static Duration duration(String reportLine) {
        Matcher m = DRAINING.matcher(reportLine);
        if (!m.find()) {
            throw new AssertionError("not an ok DRAINING line: " + reportLine);
        }
        double value = Double.parseDouble(m.group(1));
        return Duration.ofMillis((long) (m.group(2).equals("s") ? value * 1000 : value));
    }
}
