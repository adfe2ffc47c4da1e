package dev.flux.shutdown.internal.state.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.state.StateConfig;

/** The JDBC store's keys: defaults, the instance identity, and invalid values named with the expected form. */
class JdbcStoreConfigTest {

    private static ShutdownConfig read(Map<String, String> properties, Map<String, String> environment) {
        return ShutdownConfig.read(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build(), environment);
    }

    private static String failureOf(Map<String, String> properties) {
        Throwable thrown = catchThrowable(() -> read(properties, Map.of()));
        assertThat(thrown).isInstanceOf(DeploymentException.class);
        return thrown.getMessage();
    }

    @Test
    void defaultsAreTheDefaultDataSourceTheTableFluxCheckpointAndThePodName() {
        StateConfig state = read(Map.of(), Map.of("HOSTNAME", "web-7d9f-abc12")).state();
        assertThat(state.store()).isEqualTo(StateConfig.StoreKind.FILE);
        assertThat(state.jdbc()).isEqualTo(new JdbcStoreConfig("", "flux_checkpoint", "web-7d9f-abc12",
                Duration.ofSeconds(10)));
        assertThat(state.jdbc().entryTable()).isEqualTo("flux_checkpoint_entry");
    }

    @Test
    void jdbcIsChosenWithItsKeys() {
        StateConfig state = read(Map.of("flux.shutdown.state.store", "jdbc", "flux.shutdown.state.jdbc.datasource",
                "java:comp/env/jdbc/app", "flux.shutdown.state.jdbc.table", "ops.app_state",
                "flux.shutdown.state.instance", "web-0", "flux.shutdown.state.jdbc.timeout", "3s"), Map.of()).state();
        assertThat(state.store()).isEqualTo(StateConfig.StoreKind.JDBC);
        assertThat(state.jdbc()).isEqualTo(new JdbcStoreConfig("java:comp/env/jdbc/app", "ops.app_state", "web-0",
                Duration.ofSeconds(3)));
    }

    @Test
    void aTableNameThatIsNotAPlainIdentifierFailsNamingKeyValueAndForm() {
        assertThat(failureOf(Map.of("flux.shutdown.state.jdbc.table", "checkpoints; DROP TABLE users")))
                .contains("flux.shutdown.state.jdbc.table='checkpoints; DROP TABLE users' is invalid: expected a"
                        + " plain SQL table name");
        assertThat(failureOf(Map.of("flux.shutdown.state.jdbc.table", "x".repeat(58))))
                .contains("at most 57 characters");
    }

    @Test
    void anInstanceNameWithSpacesFails() {
        assertThat(failureOf(Map.of("flux.shutdown.state.instance", "web 1")))
                .contains("flux.shutdown.state.instance='web 1' is invalid: expected an instance name");
    }

    @Test
    void aStoreTimeoutNotBelowTheShutdownTimeoutFails() {
        assertThat(failureOf(Map.of("flux.shutdown.state.store", "jdbc", "flux.shutdown.state.jdbc.timeout", "60s")))
                .contains("flux.shutdown.state.jdbc.timeout (60.0s) must be less than flux.shutdown.timeout (60.0s)");
        assertThat(failureOf(Map.of("flux.shutdown.state.jdbc.timeout", "0s")))
                .contains("flux.shutdown.state.jdbc.timeout='0s' is invalid: expected a positive duration");
        assertThat(failureOf(Map.of("flux.shutdown.state.store", "database")))
                .contains("flux.shutdown.state.store='database' is invalid: expected file or jdbc");
    }
}
