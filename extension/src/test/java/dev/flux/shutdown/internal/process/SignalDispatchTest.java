package dev.flux.shutdown.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.phase.PhaseStep;
import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.ShutdownCoordinator;
import dev.flux.shutdown.internal.drain.LateRequestCounter;
import dev.flux.shutdown.internal.observe.Observers;

/**
 * A signal in a server with several applications: every application's readiness is DOWN before any of them logs
 * or starts a thread, so that a load balancer polling the server never sees one application stopping while another
 * still says it runs (seen under load, 11 ms apart, when each was started in full before the next).
 */
class SignalDispatchTest {

    private static final Logger LIBRARY = Logger.getLogger("dev.flux.shutdown");

    private final Map<String, ShutdownCoordinator> coordinators = new ConcurrentHashMap<>();
    /** For each application, the phase of every other one (empty: running) when it logged its shutdown's start. */
    private final Map<String, List<Optional<ShutdownPhase>>> othersAtStart = new ConcurrentHashMap<>();
    private final Handler startLines = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            coordinators.keySet().stream().filter(app -> message.startsWith("FLUX-0001 [app=" + app + "]"))
                    .forEach(app -> othersAtStart.put(app, coordinators.entrySet().stream()
                            .filter(e -> !e.getKey().equals(app)).map(e -> e.getValue().phase()).toList()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<Object> members = new ArrayList<>();
    /** Every attempt of a hosted application to end the process, whatever thread made it and whoever caught it. */
    private final Queue<String> endings = new ConcurrentLinkedQueue<>();

    @AfterEach
    void removeHandler() {
        LIBRARY.removeHandler(startLines);
    }

    @Test
    void everyApplicationIsPreparingBeforeAnyOfThemStarts() {
        LIBRARY.addHandler(startLines);
        for (String app : List.of("alpha", "beta", "gamma")) {
            host(app);
        }

        assertThat(SignalDispatcher.dispatch("TERM", members)).as("no application owns the process").isFalse();

        assertThat(othersAtStart).containsOnlyKeys("alpha", "beta", "gamma");
        othersAtStart.forEach((app, others) -> assertThat(others).as("the others when %s started", app)
                .hasSize(2).allMatch(Optional::isPresent, "shutting down"));
        coordinators.values().forEach(c -> assertThat(c.report()).isPresent());
        assertThat(endings).as("hosted applications never end the process").isEmpty();
    }

    private void host(String app) {
        ShutdownConfig config = ShutdownConfig.read(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("flux.shutdown.readiness-delay", "0s", "flux.shutdown.signals", "TERM"), "test", 100)).build(),
                Map.of());
        RunningApplication application = new RunningApplication(app,
                new ProcessOwnership(false, "a test's hosted application"), ApplicationContext.capture());
        List<PhaseStep> steps = List.of(ShutdownPhase.PREPARING, ShutdownPhase.DRAINING, ShutdownPhase.CLEANING,
                ShutdownPhase.PERSISTING).stream().map(SignalDispatchTest::nothingToDo).toList();
        ShutdownCoordinator coordinator = new ShutdownCoordinator(config, steps, event -> {
        }, new NoExit(endings), application, new LateRequestCounter()::snapshot, Observers.none());
        coordinators.put(app, coordinator);
        members.add(new SignalMember(coordinator, application));
    }

    private static PhaseStep nothingToDo(ShutdownPhase phase) {
        return new PhaseStep() {
            @Override
            public ShutdownPhase phase() {
                return phase;
            }

            @Override
            public PhaseResult run(ShutdownCause cause) {
                return new PhaseResult(false, "nothing to do", List.of());
            }
        };
    }

    /**
     * Records every attempt to end the process: an error thrown from here would be caught on its way (by the
     * dispatcher, which goes on with the other applications, or on the phases thread) and the test would never see it.
     */
    private static final class NoExit implements ProcessExit {
        private final Queue<String> endings;

        NoExit(Queue<String> endings) {
            this.endings = endings;
        }

        @Override
        public void exit(int code) {
            endings.add("exit(" + code + ")");
        }

        @Override
        public void halt(int code) {
            endings.add("halt(" + code + ")");
        }
    }
}
