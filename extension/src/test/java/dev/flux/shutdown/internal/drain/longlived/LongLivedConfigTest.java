package dev.flux.shutdown.internal.drain.longlived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.internal.ShutdownConfig;

/** The keys of the ending of long-lived responses: defaults, accepted values, and how invalid ones fail startup. */
class LongLivedConfigTest {

    private static ShutdownConfig read(Map<String, String> properties) {
        return ShutdownConfig.read(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build(), Map.of());
    }

    @Test
    void defaultsSendNoLastEventAndARetryOfOneSecond() {
        LongLivedConfig config = read(Map.of()).longLived();

        assertThat(config.enabled()).isTrue();
        assertThat(config.sseLastEvent()).isEmpty();
        assertThat(config.sseRetry()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.endTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void lastEventAndRetryAreRead() {
        LongLivedConfig config = read(Map.of(LongLivedConfig.SSE_LAST_EVENT, "server restarting",
                LongLivedConfig.SSE_RETRY, "250ms", LongLivedConfig.END_TIMEOUT, "2s", LongLivedConfig.ENABLED, "false"))
                .longLived();

        assertThat(config.sseLastEvent()).hasValue("server restarting");
        assertThat(config.sseRetry()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.endTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.enabled()).isFalse();
    }

    @Test
    void invalidValuesFailStartupNamingKeyValueAndExpectedForm() {
        Throwable thrown = catchThrowable(() -> read(Map.of(LongLivedConfig.SSE_RETRY, "soon",
                LongLivedConfig.END_TIMEOUT, "0s")));

        assertThat(thrown).isInstanceOf(DeploymentException.class);
        assertThat(thrown.getMessage()).contains(LongLivedConfig.SSE_RETRY + "='soon'")
                .contains(LongLivedConfig.END_TIMEOUT + "='0s'").contains("a positive duration");
    }
}
