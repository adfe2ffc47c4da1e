package dev.flux.shutdown.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends a signal to a process the way an operator or Kubernetes would. The JDK sends SIGTERM
 * ({@link ProcessHandle#destroy()}) and SIGKILL ({@link ProcessHandle#destroyForcibly()}) itself; any other signal
 * (INT, HUP) goes through bash's builtin {@code kill}, so that no {@code kill} program (procps) is needed. The build
 * checks once, at its start, that {@link #SHELL} is there (the enforcer rule in the parent POM).
 */
public final class Signals {

    /** The shell whose builtin {@code kill} sends the signals the JDK cannot. */
    public static final Path SHELL = Path.of("/bin/bash");

    private static final Duration BOUND = Duration.ofSeconds(30);

    private Signals() {
    }

    /** Sends {@code SIG<name>} ({@code TERM}, {@code INT}, {@code HUP}, {@code KILL}...) to {@code process}. */
    public static void send(ProcessHandle process, String name) throws IOException, InterruptedException {
        switch (name) {
        case "TERM" -> requireSent(process.destroy(), process, name);
        case "KILL" -> requireSent(process.destroyForcibly(), process, name);
        default -> sendWithShell(process.pid(), name);
        }
    }

    private static void requireSent(boolean sent, ProcessHandle process, String name) {
        if (!sent) {
            throw new AssertionError("SIG" + name + " could not be sent to " + process.pid()
                    + (process.isAlive() ? "" : ": it has already ended"));
        }
    }

    private static void sendWithShell(long pid, String name) throws IOException, InterruptedException {
        if (!Files.isExecutable(SHELL)) {
            throw new AssertionError(SHELL + " is needed to send SIG" + name + " (its builtin kill): install bash");
        }
        Process kill = new ProcessBuilder(SHELL.toString(), "-c", "kill -s \"$0\" \"$1\"", name, Long.toString(pid))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new AssertionError("kill -s " + name + " " + pid + " did not finish within " + BOUND);
        }
        if (kill.exitValue() != 0) {
            throw new AssertionError("kill -s " + name + " " + pid + " failed with " + kill.exitValue() + ": "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
