package dev.flux.shutdown.sample.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes objects of {@code deploy/kubernetes/*.yaml}, read as Jackson trees, and what the tests ask of
 * them: a workload's container, the environment its pods see, the port a probe or a Service names.
 */
public final class Manifests {

    /** {@code deploy/kubernetes}, from this module's directory (where Maven runs the tests). */
    public static final Path DIR = Path.of("..", "deploy", "kubernetes");

    private final List<JsonNode> objects;

    private Manifests(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Every object of every {@code *.yaml} file (a file may hold several documents). */
    public static Manifests read() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<JsonNode> objects = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIR)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null && document.has("kind")) {
                        objects.add(document);
                    }
                }
            }
        }
        if (objects.isEmpty()) {
            throw new IllegalStateException("No Kubernetes object in " + DIR.toAbsolutePath().normalize());
        }
        return new Manifests(objects);
    }

    public List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    /** The object of that kind and name; fails when there is none. */
    public JsonNode get(String kind, String name) {
        return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " in " + DIR));
    }

    /** The pod template's spec of a Deployment or StatefulSet. */
    public static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    /** The workload's only container. */
    public static JsonNode container(JsonNode workload) {
        JsonNode containers = podSpec(workload).path("containers");
        if (containers.size() != 1) {
            throw new AssertionError("Expected one container in " + name(workload) + ", found " + containers.size());
        }
        return containers.get(0);
    }

    public static String name(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    /**
     * The environment of the workload's container as its pods see it: the entries of every ConfigMap named in
     * {@code envFrom}, then {@code env}, which wins over them.
     */
    public Map<String, String> environment(JsonNode workload) {
        JsonNode container = container(workload);
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            JsonNode data = get("ConfigMap", source.path("configMapRef").path("name").asText()).path("data");
            data.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return environment;
    }

    /** The container port that {@code port} names: a port's name, or its number. */
    public static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("The container " + container.path("name").asText() + " has no port named " + port);
    }
}
