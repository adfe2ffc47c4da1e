package dev.flux.shutdown.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

/**
 * An OTLP/HTTP metrics receiver on a free loopback port, what an OpenTelemetry collector is to an application:
 * it takes {@code POST /v1/metrics} with {@code application/x-protobuf} bodies (gzip or not), decodes them and keeps
 * every data point, in the order received, by metric name and attributes. Tests point an application's OTLP
 * exporter at {@link #endpoint()} and assert on what was really exported. Needs
 * {@code io.opentelemetry.proto:opentelemetry-proto} on the test's class path.
 */
public final class OtlpMetricsReceiver implements AutoCloseable {

    /** The path OTLP/HTTP exporters send metrics to. */
    public static final String PATH = "/v1/metrics";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "otlp-metrics-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<DataPoint> points = new ArrayList<>();
    private final Map<String, Metric> lastMetrics = new LinkedHashMap<>();
    private final List<String> refused = new ArrayList<>();
    private int exports;

    private OtlpMetricsReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free port of the loopback address. */
    public static OtlpMetricsReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OtlpMetricsReceiver receiver = new OtlpMetricsReceiver(server);
        server.createContext("/", receiver::handle);
        server.setExecutor(receiver.executor);
        server.start();
        return receiver;
    }

    /** The base address to give an exporter ({@code http://127.0.0.1:port}); metrics go to {@link #PATH}. */
    public String endpoint() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Every data point received so far, in the order received. */
    public synchronized List<DataPoint> points() {
        return List.copyOf(points);
    }

    /** The data points of the metric named {@code metric} whose attributes include {@code attributes}. */
    public synchronized List<DataPoint> points(String metric, Map<String, String> attributes) {
        return points.stream().filter(p -> p.metric().equals(metric))
                .filter(p -> p.attributes().entrySet().containsAll(attributes.entrySet())).toList();
    }

    /** The data points that match. */
    public synchronized List<DataPoint> points(Predicate<DataPoint> matching) {
        return points.stream().filter(matching).toList();
    }

    /** How many export requests were decoded. */
    public synchronized int exports() {
        return exports;
    }

    /** Requests that were not an OTLP metrics export (path, method or body), for a test's failure message. */
    public synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    /**
     * The last export of the metric named {@code metric} as OTLP's text format (its name, description, unit and
     * data points as decoded), e.g. to show what a backend receives; empty if none came.
     */
    public synchronized String lastExportedText(String metric) {
        Metric last = lastMetrics.get(metric);
        return last == null ? "" : last.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                record(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            ExportMetricsServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportMetricsServiceRequest.parseFrom(body);
            } catch (IOException e) {
                record("POST " + PATH + " with a body that is not an export request: " + e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            received(request);
            byte[] response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody();
    }

    private synchronized void record(String refusal) {
        refused.add(refusal);
    }

    private synchronized void received(ExportMetricsServiceRequest request) {
        exports++;
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                String scopeName = scope.getScope().getName();
                for (Metric metric : scope.getMetricsList()) {
                    lastMetrics.put(metric.getName(), metric);
                    add(scopeName, metric);
                }
            }
        }
    }

    private void add(String scope, Metric metric) {
        switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsList()
                    .forEach(p -> points.add(number(scope, metric, Kind.GAUGE, p)));
            case SUM -> metric.getSum().getDataPointsList()
                    .forEach(p -> points.add(number(scope, metric, Kind.SUM, p)));
            case HISTOGRAM -> metric.getHistogram().getDataPointsList()
                    .forEach(p -> points.add(histogram(scope, metric, p)));
            default -> refused.add("metric " + metric.getName() + " of a kind this receiver does not keep: "
                    + metric.getDataCase());
        }
    }

    private DataPoint number(String scope, Metric metric, Kind kind, NumberDataPoint point) {
        double value = point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt()
                : point.getAsDouble();
        return new DataPoint(scope, metric.getName(), metric.getUnit(), kind, attributes(point.getAttributesList()),
                value, 0, point.getTimeUnixNano(), exports);
    }

    private DataPoint histogram(String scope, Metric metric, HistogramDataPoint point) {
        return new DataPoint(scope, metric.getName(), metric.getUnit(), Kind.HISTOGRAM,
                attributes(point.getAttributesList()), point.getSum(), point.getCount(), point.getTimeUnixNano(),
                exports);
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            AnyValue value = attribute.getValue();
            map.put(attribute.getKey(), switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case INT_VALUE -> Long.toString(value.getIntValue());
                case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                default -> value.toString().strip();
            });
        }
        return Map.copyOf(map);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** What kind of metric a data point belongs to. */
    public enum Kind {
        GAUGE, SUM, HISTOGRAM
    }

    /**
     * One data point as exported: for a gauge or a sum its {@code value}; for a histogram the sum of the values
     * recorded as {@code value} and their {@code count}. {@code export} numbers the request it came in (1, 2, ...).
     */
    public record DataPoint(String scope, String metric, String unit, Kind kind, Map<String, String> attributes,
            double value, long count, long timeUnixNano, int export) {
    }
}
