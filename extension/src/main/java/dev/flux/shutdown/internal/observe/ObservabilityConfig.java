package dev.flux.shutdown.internal.observe;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.ConfigKeys;
import dev.flux.shutdown.internal.report.ReportFormat;

/**
 * Configuration of what a shutdown shows outside its log lines.
 *
 * @param reportFormat          {@value #REPORT_FORMAT}: the report as text lines ({@code text}, the default) or as
 *                              one JSON line ({@code json}), for log pipelines
 * @param jmxShutdownOperation {@value #JMX_SHUTDOWN_OPERATION}: whether the MBean's operation that starts a graceful
 *                              shutdown may be used ({@code false} by default: anyone who reaches the JMX port could
 *                              stop the service)
 * @param metrics               {@value #METRICS_ENABLED}: whether the shutdown's meters are registered in the metrics
 *                              libraries the application has ({@code true} by default)
 */
public record ObservabilityConfig(ReportFormat reportFormat, boolean jmxShutdownOperation, boolean metrics) {

    public static final String REPORT_FORMAT = ConfigKeys.PREFIX + "report.format";
    public static final String JMX_SHUTDOWN_OPERATION = ConfigKeys.PREFIX + "jmx.shutdown-operation";
    public static final String METRICS_ENABLED = ConfigKeys.PREFIX + "metrics.enabled";

    public static ObservabilityConfig read(ConfigReader reader) {
        return new ObservabilityConfig(reader.choice(REPORT_FORMAT, ReportFormat.TEXT, ReportFormat.class),
                reader.bool(JMX_SHUTDOWN_OPERATION, false), reader.bool(METRICS_ENABLED, true));
    }
}
