package dev.flux.shutdown.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.report.ReportFormat;

/** The keys of what a shutdown shows: the report's format, the JMX operation, the meters, validated at startup. */
class ObservabilityConfigTest {

    private static ShutdownConfig read(Map<String, String> properties) {
        return ShutdownConfig.read(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build(), Map.of());
    }

    @Test
    void textReportAndNoJmxShutdownOperationByDefault() {
        ObservabilityConfig config = read(Map.of()).observe();

        assertThat(config.reportFormat()).isEqualTo(ReportFormat.TEXT);
        assertThat(config.jmxShutdownOperation()).isFalse();
        assertThat(config.metrics()).isTrue();
    }

    @Test
    void metricsCanBeTurnedOff() {
        assertThat(read(Map.of(ObservabilityConfig.METRICS_ENABLED, "false")).observe().metrics()).isFalse();
    }

    @Test
    void jsonReportAndJmxShutdownOperationWhenConfigured() {
        ObservabilityConfig config = read(Map.of(ObservabilityConfig.REPORT_FORMAT, "JSON",
                ObservabilityConfig.JMX_SHUTDOWN_OPERATION, "true")).observe();

        assertThat(config.reportFormat()).isEqualTo(ReportFormat.JSON);
        assertThat(config.jmxShutdownOperation()).isTrue();
    }

    @Test
    void invalidValuesFailStartupNamingKeyValueAndExpectedForm() {
        Throwable thrown = catchThrowable(() -> read(Map.of(ObservabilityConfig.REPORT_FORMAT, "yaml",
                ObservabilityConfig.JMX_SHUTDOWN_OPERATION, "maybe", ObservabilityConfig.METRICS_ENABLED, "on")));

        assertThat(thrown).isInstanceOf(DeploymentException.class).hasMessageContaining("FLUX-0100")
                .hasMessageContaining("flux.shutdown.report.format='yaml' is invalid: expected text or json")
                .hasMessageContaining("flux.shutdown.jmx.shutdown-operation='maybe' is invalid: expected true or"
                        + " false")
                .hasMessageContaining("flux.shutdown.metrics.enabled='on' is invalid: expected true or false");
    }

    @Test
    void configurationLinesShowEveryValueInForceAsConfigured() {
        assertThat(ConfigurationLines.of(read(Map.of("flux.shutdown.drain.timeout", "PT1.5S"))))
                .contains("flux.shutdown.enabled=true", "flux.shutdown.drain.timeout=1500ms",
                        "flux.shutdown.timeout=60s", "flux.shutdown.signals=INT,TERM",
                        "flux.shutdown.observe.report-format=text", "flux.shutdown.observe.metrics=true");
    }
}
