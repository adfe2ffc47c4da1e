package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.flux.shutdown.testsupport.ChildProcess;
import dev.flux.shutdown.testsupport.Signals;

/**
 * One run of a server as a real process, in a working directory of the test's: started with the given WARs, its
 * console output read line by line, its JVM signalled like an operator or Kubernetes would. Every wait is bounded
 * by an event (an output line, an HTTP answer, the process's exit) and fails with the whole output;
 * {@link #close()} always ends the JVM and whatever started it. Subclasses say how one server is laid out, started,
 * and what it prints.
 */
abstract class ServerProcess implements AutoCloseable {

    /** Bound of a server's start: a cold start of a full server on a loaded 2-core machine takes minutes. */
    static final Duration STARTUP = Duration.ofMinutes(5);
    /** Bound of every other wait: generous; a passing test never waits this long. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Set by the build: where each server run's whole output is kept, for a look after the build. */
    private static final String LOGS = "server-tests.logs";

    protected final Path workDir;
    protected final int httpPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private ChildProcess launcher;
    private ProcessHandle jvm;

    protected ServerProcess(Path workDir) throws IOException {
        this.workDir = Files.createDirectories(workDir);
        this.httpPort = FreePorts.take(1)[0];
    }

    /** The command that runs the server with {@code wars} deployed from the start; lays out its files first. */
    protected abstract List<String> command(List<Path> wars) throws IOException;

    /** What the server's scripts need in their environment, beyond this JVM's own. */
    protected abstract Map<String, String> environment();

    /** The line the server prints once it has started, its first applications deployed. */
    protected abstract boolean isStarted(String line);

    /** The line that says {@code app} is deployed and serving. */
    protected abstract boolean isDeployed(String line, String app);

    /** A line that says deploying {@code app} failed: the test fails at once, not after a timeout. */
    protected abstract boolean isDeployFailure(String line, String app);

    /** The line that says {@code app} is undeployed. */
    protected abstract boolean isUndeployed(String line, String app);

    /** The directory the running server watches for WARs to deploy and undeploy. */
    protected abstract Path hotDeployDirectory();

    /** Where the server answers MicroProfile Health readiness for all its applications. */
    protected abstract URI readinessUri();

    /** The server's JVM among {@code launcher} and its descendants: the process to signal. */
    protected ProcessHandle jvmOf(ProcessHandle launcher) {
        return launcher;
    }

    /** Starts the server with {@code wars} and waits until it has started and deployed each of them. */
    final ServerProcess start(TestWar... wars) throws Exception {
        List<Path> files = new ArrayList<>();
        Path warDir = Files.createDirectories(workDir.resolve("wars"));
        for (TestWar war : wars) {
            files.add(war.writeTo(warDir));
        }
        ProcessBuilder builder = new ProcessBuilder(command(files)).directory(workDir.toFile());
        builder.environment().putAll(environment());
        // a plain machine: on Kubernetes, readiness-delay=auto would add 5 s to every shutdown
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        launcher = ChildProcess.start(builder, getClass().getSimpleName(), TIMEOUT);
        try {
            awaitLine(this::isStarted, STARTUP);
            for (TestWar war : wars) {
                awaitDeployed(war.name(), 0);
            }
            jvm = jvmOf(launcher.handle());
            return this;
        } catch (Throwable e) {
            // the caller's try-with-resources never gets a server that failed to start: end it here
            close();
            throw e;
        }
    }

    /** Deploys {@code war} into the running server and waits until it serves. */
    final void deploy(TestWar war) throws IOException, InterruptedException {
        int mark = launcher.output().size();
        Path staged = war.writeTo(Files.createDirectories(workDir.resolve("wars")));
        // one step, so that the server's scanner never sees half a file
        Files.move(staged, hotDeployDirectory().resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        awaitDeployed(war.name(), mark);
    }

    /** Undeploys {@code app} from the running server and waits until the server says it is gone. */
    final void undeploy(String app) throws IOException, InterruptedException {
        int mark = launcher.output().size();
        remove(app);
        awaitLineAfter(mark, line -> isUndeployed(line, app), TIMEOUT);
    }

    /** Takes {@code app} out of the running server: by default, deletes its WAR from the hot-deploy directory. */
    protected void remove(String app) throws IOException {
        Files.delete(hotDeployDirectory().resolve(app + ".war"));
    }

    private void awaitDeployed(String app, int mark) throws InterruptedException {
        String line = awaitLineAfter(mark, l -> isDeployed(l, app) || isDeployFailure(l, app), STARTUP);
        if (!isDeployed(line, app)) {
            fail("Deploying %s failed: %s%noutput:%n%s", app, line, launcher.outputText());
        }
    }

    /** Sends {@code SIG<name>} to the server's JVM, as an operator or Kubernetes would. */
    final void signal(String name) throws IOException, InterruptedException {
        Signals.send(jvm, name);
    }

    /** Waits until the server's JVM, its launcher and its output have ended; the launcher's exit code. */
    final int awaitExit(Duration bound) throws InterruptedException {
        try {
            jvm.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("The server is still running %s after it was asked to stop; output:%n%s", bound,
                    launcher.outputText());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return launcher.awaitExit();
    }

    final boolean isAlive() {
        return jvm.isAlive();
    }

    /** The first output line so far or to come that matches, waiting for it up to {@link #TIMEOUT}. */
    final String awaitLine(Predicate<String> matching) throws InterruptedException {
        return awaitLine(matching, TIMEOUT);
    }

    /** Waits until {@code count} output lines have matched. */
    final void awaitLines(Predicate<String> matching, int count) throws InterruptedException {
        int[] seen = { 0 };
        awaitLine(line -> matching.test(line) && ++seen[0] == count);
    }

    private String awaitLine(Predicate<String> matching, Duration bound) throws InterruptedException {
        return awaitLineAfter(0, matching, bound);
    }

    /** The first matching line after the first {@code mark} lines (each line is tested once, in order). */
    private String awaitLineAfter(int mark, Predicate<String> matching, Duration bound) throws InterruptedException {
        int[] index = { 0 };
        return launcher.awaitLine(l -> index[0]++ >= mark && matching.test(l), bound);
    }

    /** Every output line so far. */
    final List<String> output() {
        return launcher.output();
    }

    final String outputText() {
        return launcher.outputText();
    }

    final HttpResponse<String> get(String app, String path) throws IOException, InterruptedException {
        return client.send(request(app, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of {@code pathAndQuery} on the server's own HTTP port, outside any application ({@code /metrics}). */
    final HttpResponse<String> getServer(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + pathAndQuery))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    final CompletableFuture<HttpResponse<String>> getAsync(String app, String path) {
        return client.sendAsync(request(app, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    final HttpResponse<String> post(String app, String path) throws IOException, InterruptedException {
        return client.send(request(app, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The readiness answer of the whole server (every application's checks). */
    final HttpResponse<String> readiness() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(readinessUri()).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String app, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/" + app + path)).timeout(TIMEOUT);
    }

    /** Ends the server if it still runs, then keeps its whole output in the build's {@code server-logs}. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (launcher == null) {
            return;
        }
        launcher.close();
        if (jvm != null) {
            jvm.onExit().completeOnTimeout(jvm, TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }
        String logs = System.getProperty(LOGS);
        if (logs != null) {
            Path file = Files.createDirectories(Path.of(logs))
                    .resolve(getClass().getSimpleName() + "-" + launcher.pid() + ".log");
            Files.writeString(file, launcher.outputText());
        }
    }
}
