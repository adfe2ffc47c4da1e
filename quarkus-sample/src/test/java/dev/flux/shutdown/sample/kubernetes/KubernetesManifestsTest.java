package dev.flux.shutdown.sample.kubernetes;

import static dev.flux.shutdown.sample.kubernetes.Manifests.container;
import static dev.flux.shutdown.sample.kubernetes.Manifests.containerPort;
import static dev.flux.shutdown.sample.kubernetes.Manifests.name;
import static dev.flux.shutdown.sample.kubernetes.Manifests.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.config.ConfigKeys;
import dev.flux.shutdown.internal.cleanup.CleanupConfig;
import dev.flux.shutdown.internal.drain.DrainConfig;
import dev.flux.shutdown.internal.process.GracePeriod;
import dev.flux.shutdown.internal.process.ProcessSetting;
import dev.flux.shutdown.internal.state.StateConfig;

/**
 * deploy/kubernetes agrees with the sample and with itself: the port the sample serves on, its MicroProfile Health
 * endpoints, labels and selectors, and a grace period that the configured shutdown fits in, as the library itself
 * computes it from the configuration the pods really get (the ConfigMap and env over application.properties).
 * {@code it.KubernetesDeploymentIT} starts the packaged sample with that environment and asks the probes' paths.
 */
class KubernetesManifestsTest {

    private static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    private static Manifests manifests;
    private static Map<String, String> applicationProperties;

    @BeforeAll
    static void read() throws IOException {
        manifests = Manifests.read();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        applicationProperties = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> applicationProperties.put(key, properties.getProperty(key)));
    }

    static Stream<JsonNode> workloads() throws IOException {
        read();
        return Stream.of(manifests.get("Deployment", "quarkus-sample"),
                manifests.get("StatefulSet", "quarkus-sample-stateful"));
    }

    /** The workloads, for parameterized tests, named by kind and name. */
    static Stream<Named<JsonNode>> namedWorkloads() throws IOException {
        return workloads().map(w -> Named.of(name(w), w));
    }

    /**
     * The configuration a pod of {@code workload} runs with: its environment (MicroProfile Config's environment
     * source, which maps FLUX_SHUTDOWN_TIMEOUT to flux.shutdown.timeout) over application.properties.
     */
    private static Config podConfig(JsonNode workload) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new EnvConfigSource(manifests.environment(workload), 300),
                        new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .build();
    }

    /** The environment of a pod: the manifest's, plus what Kubernetes sets in every pod. */
    private static Map<String, String> podEnvironment(JsonNode workload) {
        Map<String, String> environment = new HashMap<>(manifests.environment(workload));
        environment.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        return environment;
    }

    private static int servedPort(JsonNode workload) {
        return podConfig(workload).getValue("quarkus.http.port", Integer.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedWorkloads")
    void theWorkloadSelectsItsOwnPods(JsonNode workload) {
        Map<String, String> podLabels = labels(workload.path("spec").path("template").path("metadata").path("labels"));
        Map<String, String> selector = labels(workload.path("spec").path("selector").path("matchLabels"));

        assertThat(selector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selector);
    }

    @Test
    void everyServiceSelectsThePodsOfExactlyOneWorkload() throws IOException {
        List<JsonNode> workloads = workloads().toList();
        for (JsonNode service : manifests.ofKind("Service")) {
            Map<String, String> selector = labels(service.path("spec").path("selector"));
            assertThat(workloads).as("workloads whose pods %s selects", name(service))
                    .filteredOn(w -> labels(w.path("spec").path("template").path("metadata").path("labels"))
                            .entrySet().containsAll(selector.entrySet()))
                    .hasSize(1);
        }
    }

    @Test
    void theStatefulSetIsGovernedByAHeadlessServiceOfItsPods() {
        JsonNode statefulSet = manifests.get("StatefulSet", "quarkus-sample-stateful");
        JsonNode governing = manifests.get("Service", statefulSet.path("spec").path("serviceName").asText());

        assertThat(governing.path("spec").path("clusterIP").asText()).isEqualTo("None");
        assertThat(labels(statefulSet.path("spec").path("template").path("metadata").path("labels")))
                .containsAllEntriesOf(labels(governing.path("spec").path("selector")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedWorkloads")
    void theContainerPortIsThePortTheSampleServesOn(JsonNode workload) {
        assertThat(servedPort(workload)).isEqualTo(Integer.parseInt(applicationProperties.get("quarkus.http.port")));
        assertThat(container(workload).path("ports")).hasSize(1);
        assertThat(container(workload).path("ports").get(0).path("containerPort").asInt())
                .isEqualTo(servedPort(workload));
    }

    @Test
    void everyServiceForwardsToTheServedPort() throws IOException {
        for (JsonNode service : manifests.ofKind("Service")) {
            JsonNode workload = workloads().filter(w -> labels(w.path("spec").path("template").path("metadata")
                    .path("labels")).entrySet().containsAll(labels(service.path("spec").path("selector")).entrySet()))
                    .findFirst().orElseThrow();
            for (JsonNode port : service.path("spec").path("ports")) {
                assertThat(containerPort(container(workload), port.path("targetPort"))).as(name(service))
                        .isEqualTo(servedPort(workload));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedWorkloads")
    void probesAskTheMicroProfileHealthEndpointsOnTheServedPort(JsonNode workload) {
        JsonNode container = container(workload);
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "readinessProbe",
                "/q/health/ready", "livenessProbe", "/q/health/live");

        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(containerPort(container, get.path("port"))).as(probe).isEqualTo(servedPort(workload));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedWorkloads")
    void noPreStopHook(JsonNode workload) {
        assertThat(container(workload).path("lifecycle").path("preStop").isMissingNode())
                .as("readiness-delay=auto replaces the preStop sleep").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedWorkloads")
    void theApplicationIsToldTheGracePeriod(JsonNode workload) {
        String gracePeriod = podSpec(workload).path("terminationGracePeriodSeconds").asText();

        assertThat(gracePeriod).matches("[1-9][0-9]*");
        assertThat(manifests.environment(workload)).containsEntry(GracePeriod.ENV, gracePeriod);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedWorkloads")
    void theWholeShutdownFitsInTheGracePeriod(JsonNode workload) {
        ShutdownConfig config = ShutdownConfig.read(podConfig(workload), podEnvironment(workload));
        Duration gracePeriod = Duration.ofSeconds(podSpec(workload).path("terminationGracePeriodSeconds").asLong());

        assertThat(config.enabled()).isTrue();
        assertThat(config.readinessDelay()).as("auto in a pod").isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timeout()).as(ConfigKeys.TIMEOUT).isEqualTo(Duration.ofSeconds(60));
        assertThat(gracePeriod).isGreaterThan(config.timeout());
        assertThat(config.gracePeriod().value()).contains(gracePeriod);
        assertThat(config.gracePeriodWarning()).isEmpty();
    }

    @Test
    void everyConfigMapEntryIsAKeyOfTheLibrary() throws IllegalAccessException {
        Set<String> libraryVariables = new TreeSet<>();
        for (Class<?> type : List.of(ConfigKeys.class, DrainConfig.class, CleanupConfig.class, StateConfig.class,
                ProcessSetting.class, GracePeriod.class)) {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && field.get(null) instanceof String key && key.startsWith(ConfigKeys.PREFIX)
                        && !key.equals(ConfigKeys.PREFIX)) {
                    libraryVariables.add(environmentName(key));
                }
            }
        }
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(variable -> assertThat(libraryVariables)
                    .as("%s: %s names no key of flux-shutdown", name(configMap), variable).contains(variable));
        }
    }

    @Test
    void theDeploymentStartsANewPodBeforeItDeletesAnOldOne() {
        JsonNode strategy = manifests.get("Deployment", "quarkus-sample").path("spec").path("strategy");

        assertThat(strategy.path("type").asText()).isEqualTo("RollingUpdate");
        assertThat(strategy.path("rollingUpdate").path("maxUnavailable").asInt(-1)).isZero();
        assertThat(strategy.path("rollingUpdate").path("maxSurge").asInt()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedWorkloads")
    void checkpointsAreWrittenToAMountedVolume(JsonNode workload) {
        Path stateDir = ShutdownConfig.read(podConfig(workload), podEnvironment(workload)).state().dir();
        String volume = mountOf(workload, stateDir);

        assertThat(stateDir.isAbsolute()).isTrue();
        if (workload.path("kind").asText().equals("StatefulSet")) {
            assertThat(workload.path("spec").path("volumeClaimTemplates").findValuesAsText("name"))
                    .as("a volume that outlives the pod").contains(volume);
        }
    }

    @Test
    void bothVariantsRunTheSameContainerWithTheSameGracePeriod() {
        JsonNode deployment = manifests.get("Deployment", "quarkus-sample");
        JsonNode statefulSet = manifests.get("StatefulSet", "quarkus-sample-stateful");

        assertThat(container(statefulSet)).isEqualTo(container(deployment));
        assertThat(podSpec(statefulSet).path("terminationGracePeriodSeconds"))
                .isEqualTo(podSpec(deployment).path("terminationGracePeriodSeconds"));
    }

    /** The name of the volume mounted at or above {@code path} in the workload's container. */
    private static String mountOf(JsonNode workload, Path path) {
        for (JsonNode mount : container(workload).path("volumeMounts")) {
            if (path.startsWith(Path.of(mount.path("mountPath").asText()))) {
                return mount.path("name").asText();
            }
        }
        throw new AssertionError(path + " is on no volume of " + name(workload));
    }

    /** MicroProfile Config's environment variable of {@code key}: FLUX_SHUTDOWN_DRAIN_TIMEOUT, for instance. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
