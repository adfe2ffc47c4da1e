package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flux.shutdown.sample.kubernetes.Manifests;

/**
 * The packaged sample started as deploy/kubernetes/deployment.yaml starts it (the ConfigMap and env of its
 * container, and KUBERNETES_SERVICE_HOST as in every pod): its probes' paths answer, it does not warn about its
 * grace period, and after SIGTERM readiness is DOWN while liveness stays UP (the kubelet must not kill a pod that
 * drains). Only the data directory and the port differ: the test's own. A grace period too short for the bounds is
 * warned about; one that is not a duration stops the start.
 */
class KubernetesDeploymentIT {

    private static JsonNode container;
    private static Map<String, String> podEnvironment;

    @BeforeAll
    static void readTheDeployment() throws Exception {
        Manifests manifests = Manifests.read();
        JsonNode deployment = manifests.get("Deployment", "quarkus-sample");
        container = Manifests.container(deployment);
        podEnvironment = new HashMap<>(manifests.environment(deployment));
        podEnvironment.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    }

    private static String probePath(String probe) {
        return container.path(probe).path("httpGet").path("path").asText();
    }

    private static SampleProcess startAsInThePod(Map<String, String> overrides) throws Exception {
        Map<String, String> environment = new HashMap<>(podEnvironment);
        // the pod's /data is an emptyDir; here the process's own working directory
        environment.put("SAMPLE_DATA_DIR", "./data");
        environment.putAll(overrides);
        return SampleProcess.startWithEnvironment(Map.of(), environment);
    }

    @Test
    void everyProbeOfTheDeploymentAnswersAndNoBoundIsOutsideTheGracePeriod() throws Exception {
        try (SampleProcess sample = startAsInThePod(Map.of())) {
            for (String probe : new String[] { "startupProbe", "readinessProbe", "livenessProbe" }) {
                assertThat(sample.get(probePath(probe)).statusCode()).as(probe + " " + probePath(probe))
                        .isEqualTo(200);
            }
            assertThat(sample.output()).noneSatisfy(line -> assertThat(line).containsPattern("FLUX-085[0-9]"));
        }
    }

    @Test
    void afterSigtermReadinessIsDownWhileLivenessStaysUp() throws Exception {
        try (SampleProcess sample = startAsInThePod(Map.of())) {
            sample.signal("TERM");
            sample.awaitLine(line -> line.contains("sample: phase PREPARING"));

            // readiness-delay=auto is 5 s in a pod: both answers come well within it
            assertThat(sample.get(probePath("readinessProbe")).statusCode()).isEqualTo(503);
            assertThat(sample.get(probePath("livenessProbe")).statusCode()).isEqualTo(200);
            assertThat(sample.get("/hello").statusCode()).isEqualTo(200);
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
            assertThat(sample.output()).anySatisfy(line -> assertThat(line).contains("FLUX-0012"));
        }
    }

    @Test
    void anInvalidGracePeriodStopsTheStartNamingVariableAndValue() throws Exception {
        Map<String, String> environment = new HashMap<>(podEnvironment);
        environment.put("SAMPLE_DATA_DIR", "./data");
        environment.put("FLUX_SHUTDOWN_GRACE_PERIOD", "seventy");
        try (SampleProcess sample = SampleProcess.launchWithEnvironment(Map.of(), environment)) {
            assertThat(sample.awaitExit()).as(sample.outputText()).isNotZero();
            assertThat(sample.output()).anySatisfy(line -> assertThat(line).contains("FLUX-0100"));
            assertThat(sample.output()).anySatisfy(line -> assertThat(line).contains(
                    "flux.shutdown.grace-period (FLUX_SHUTDOWN_GRACE_PERIOD)='seventy' is invalid: expected whole"
                            + " seconds"));
            assertThat(sample.output()).noneSatisfy(line -> assertThat(line).contains("Listening on"));
        }
    }

    @Test
    void kubernetesDefaultGracePeriodIsWarnedAboutAtStartup() throws Exception {
        try (SampleProcess sample = startAsInThePod(Map.of("FLUX_SHUTDOWN_GRACE_PERIOD", "30"))) {
            String warning = sample.awaitLine(line -> line.contains("FLUX-0851"));

            assertThat(warning).contains("FLUX_SHUTDOWN_GRACE_PERIOD: 30.0s", "flux.shutdown.timeout (60.0s)",
                    "flux.shutdown.readiness-delay (5.0s)", "flux.shutdown.drain.timeout (30.0s)");
            assertThat(sample.get("/hello").statusCode()).as("a warning, not a failure").isEqualTo(200);
        }
    }
}
