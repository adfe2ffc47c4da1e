package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.tck.app.TckOutput;

/**
 * Whoever reaches the JMX port of a service, with {@code flux.shutdown.jmx.shutdown-operation=false} (the default),
 * cannot start, force or end its shutdown: a client in another JVM reads every attribute and calls every operation
 * of every MBean of the library's domains, with every signal name and other plausible arguments, twice over, and
 * the service still runs, still serves, and shuts down gracefully on its own SIGTERM afterwards.
 */
class RemoteJmxClientTest {

    private static final List<Object> STRINGS = List.of("TERM", "INT", "HUP", "QUIT", "USR1", "USR2", "rollout", "");
    private static final List<Object> LONGS = List.of(0L, 1_000L);
    private static final List<Object> INTS = List.of(0, 1);
    private static final List<Object> BOOLEANS = List.of(false, true);

    @Test
    void aJmxClientCannotStartForceOrEndTheShutdownWithTheOperationOff() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.jmx.shutdown-operation", "false"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            List<String> called = new ArrayList<>();

            try (JMXConnector connector = JmxProbe.connect(app.pid())) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                Set<ObjectName> mbeans = server.queryNames(new ObjectName("dev.flux.shutdown*:*"), null);
                assertThat(mbeans).as("the operator's MBean at least").isNotEmpty();
                for (int round = 0; round < 2; round++) {
                    for (ObjectName mbean : mbeans) {
                        tryEverything(server, mbean, called, app);
                    }
                }
                assertThat(server.getAttribute(new ObjectName(JmxProbe.MBEAN), "Phase")).isEqualTo("RUNNING");
            }

            assertThat(called).as("operations called").isNotEmpty();
            assertThat(http.get("/health/ready").statusCode()).as("still ready after " + called).isEqualTo(200);
            assertThat(http.get("/ledger").statusCode()).isEqualTo(200);
            app.signal("TERM");
            assertThat(app.awaitExit()).as(app.outputText()).isZero();
            assertThat(app.output()).as(app.outputText())
                    .filteredOn(line -> line.contains("FLUX-0001")).singleElement().asString()
                    .as("the only shutdown is the one SIGTERM started").contains("SIGTERM");
            assertThat(app.output()).as(app.outputText()).noneMatch(line -> line.contains("FLUX-0002"))
                    .filteredOn(line -> line.startsWith(TckOutput.PHASE)).hasSize(5);
        }
    }

    private static void tryEverything(MBeanServerConnection server, ObjectName mbean, List<String> called,
            ChildJvm app) throws Exception {
        MBeanInfo info = server.getMBeanInfo(mbean);
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            if (attribute.isReadable()) {
                call(app, mbean + " " + attribute.getName(), () -> server.getAttribute(mbean, attribute.getName()));
            }
        }
        for (MBeanOperationInfo operation : info.getOperations()) {
            MBeanParameterInfo[] parameters = operation.getSignature();
            String[] signature = new String[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                signature[i] = parameters[i].getType();
            }
            for (Object[] arguments : combinations(signature)) {
                String what = mbean + " " + operation.getName() + List.of(arguments);
                called.add(what);
                call(app, what, () -> server.invoke(mbean, operation.getName(), arguments, signature));
                Object phase = server.getAttribute(new ObjectName(JmxProbe.MBEAN), "Phase");
                assertThat(phase).as("the phase after " + what + "; output:\n" + app.outputText())
                        .isEqualTo("RUNNING");
            }
        }
    }

    /** Every combination of plausible arguments for the parameter types. */
    private static List<Object[]> combinations(String[] types) {
        List<Object[]> all = new ArrayList<>();
        all.add(new Object[0]);
        for (String type : types) {
            List<Object[]> longer = new ArrayList<>();
            for (Object[] prefix : all) {
                for (Object value : valuesOf(type)) {
                    Object[] next = Arrays.copyOf(prefix, prefix.length + 1);
                    next[prefix.length] = value;
                    longer.add(next);
                }
            }
            all = longer;
        }
        return all;
    }

    private static List<Object> valuesOf(String type) {
        switch (type) {
            case "java.lang.String":
                return STRINGS;
            case "long":
            case "java.lang.Long":
                return LONGS;
            case "int":
            case "java.lang.Integer":
                return INTS;
            case "boolean":
            case "java.lang.Boolean":
                return BOOLEANS;
            default:
                return Collections.singletonList(null);
        }
    }

    private interface JmxCall {
        Object call() throws IOException, JMException;
    }

    /** A refused or failing call is fine; a connection that breaks means the process has gone. */
    private static void call(ChildJvm app, String what, JmxCall call) {
        try {
            call.call();
        } catch (JMException | RuntimeException e) {
            // refused: what the test wants
        } catch (IOException e) {
            fail("The JMX connection broke after %s (%s): the process ended; output:%n%s", what, e, app.outputText());
        }
    }
}
