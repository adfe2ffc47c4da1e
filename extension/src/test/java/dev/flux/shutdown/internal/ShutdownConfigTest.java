package dev.flux.shutdown.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.flux.shutdown.internal.drain.DrainConfig.NewRequests;
import dev.flux.shutdown.internal.process.GracePeriod;
import dev.flux.shutdown.internal.process.ProcessSetting;
import dev.flux.shutdown.internal.state.StateConfig;

/** The configuration contract of DESIGN.md: defaults, accepted values, and how invalid values fail startup. */
class ShutdownConfigTest {

    private static final Map<String, String> NOT_ON_KUBERNETES = Map.of();
    private static final Map<String, String> ON_KUBERNETES = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1");

    /** A real MicroProfile Config holding exactly {@code properties}: no system properties, no environment. */
    static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }

    static ShutdownConfig read(Map<String, String> properties) {
        return ShutdownConfig.read(config(properties), NOT_ON_KUBERNETES);
    }

    static ShutdownConfig read(String key, String value) {
        return read(Map.of(key, value));
    }

    static String failureOf(Map<String, String> properties) {
        Throwable thrown = catchThrowable(() -> read(properties));
        assertThat(thrown).isInstanceOf(DeploymentException.class);
        return thrown.getMessage();
    }

    @Nested
    class Defaults {

        private final ShutdownConfig config = read(Map.of());

        @Test
        void enabledByDefault() {
            assertThat(config.enabled()).isTrue();
        }

        @Test
        void termAndIntStartAShutdownByDefault() {
            assertThat(config.signals()).containsExactlyInAnyOrder("TERM", "INT");
        }

        @Test
        void drainTimeoutIs30Seconds() {
            assertThat(config.drain().timeout()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void lateRequestsAreServedByDefault() {
            assertThat(config.drain().newRequests()).isEqualTo(NewRequests.SERVE);
        }

        @Test
        void cleanupTimeoutIs10Seconds() {
            assertThat(config.cleanup().timeout()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void wholeShutdownIsBoundedBy60Seconds() {
            assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void retryAfterIs5Seconds() {
            assertThat(config.drain().retryAfter()).isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void stateDirIsFluxStateInTheWorkingDirectory() {
            assertThat(config.state().dir()).isEqualTo(Path.of("flux-state"));
            assertThat(config.state().dir().isAbsolute()).isFalse();
        }

        @Test
        void checkpointsAreKeptInFiles() {
            assertThat(config.state().store()).isEqualTo(StateConfig.StoreKind.FILE);
        }

        @Test
        void periodicCheckpointsAreOff() {
            assertThat(config.state().checkpointInterval()).isZero();
        }

        @Test
        void exitCodeIsZero() {
            assertThat(config.exitCode()).isZero();
        }

        @Test
        void forcedExitCodeIsOne() {
            assertThat(config.forcedExitCode()).isEqualTo(1);
        }

        @Test
        void processOwnershipIsDetected() {
            assertThat(config.process()).isEqualTo(ProcessSetting.AUTO);
        }
    }

    @Nested
    class ReadinessDelay {

        @Test
        void unsetMeansZeroOutsideKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of()), NOT_ON_KUBERNETES).readinessDelay()).isZero();
        }

        @Test
        void unsetMeansFiveSecondsOnKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of()), ON_KUBERNETES).readinessDelay())
                    .isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void autoMeansZeroOutsideKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of(Keys.READINESS_DELAY, "auto")), NOT_ON_KUBERNETES)
                    .readinessDelay()).isZero();
        }

        @Test
        void autoMeansFiveSecondsOnKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of(Keys.READINESS_DELAY, "AUTO")), ON_KUBERNETES)
                    .readinessDelay()).isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void blankKubernetesHostIsNotKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of()), Map.of("KUBERNETES_SERVICE_HOST", " "))
                    .readinessDelay()).isZero();
        }

        @Test
        void explicitDelayWinsOverKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of(Keys.READINESS_DELAY, "2s")), ON_KUBERNETES)
                    .readinessDelay()).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Nested
    class QuietPeriod {

        @Test
        void unsetMeansNoneOutsideKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of()), NOT_ON_KUBERNETES).drain().quietPeriod()).isZero();
        }

        @Test
        void unsetMeansTwoSecondsOnKubernetes() {
            assertThat(ShutdownConfig.read(config(Map.of()), ON_KUBERNETES).drain().quietPeriod())
                    .isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void autoOnKubernetesIsAtMostHalfTheDrainTimeout() {
            assertThat(ShutdownConfig.read(config(Map.of(Keys.QUIET_PERIOD, "auto", Keys.DRAIN_TIMEOUT, "3s")),
                    ON_KUBERNETES).drain().quietPeriod()).isEqualTo(Duration.ofMillis(1500));
        }

        @Test
        void explicitValueWinsEverywhere() {
            assertThat(ShutdownConfig.read(config(Map.of(Keys.QUIET_PERIOD, "750ms")), NOT_ON_KUBERNETES)
                    .drain().quietPeriod()).isEqualTo(Duration.ofMillis(750));
            assertThat(ShutdownConfig.read(config(Map.of(Keys.QUIET_PERIOD, "0s")), ON_KUBERNETES)
                    .drain().quietPeriod()).isZero();
        }

        @Test
        void notLessThanTheDrainTimeoutFailsNamingBothKeys() {
            String message = failureOf(Map.of(Keys.QUIET_PERIOD, "30s"));

            assertThat(message).contains(Keys.QUIET_PERIOD + "='30s'").contains(Keys.DRAIN_TIMEOUT + " (30.0s)");
        }

        @Test
        void notADurationFailsNamingTheExpectedForm() {
            String message = failureOf(Map.of(Keys.QUIET_PERIOD, "a while"));

            assertThat(message).contains(Keys.QUIET_PERIOD + "='a while'").contains("auto or a non-negative duration");
        }
    }

    @Nested
    class AcceptedValues {

        @ParameterizedTest(name = "signals={0}")
        @MethodSource("dev.flux.shutdown.internal.ShutdownConfigTest#acceptedSignals")
        void signalListsAcceptNamesWithOrWithoutSigPrefixInAnyCase(String value, String[] expected) {
            assertThat(read(Keys.SIGNALS, value).signals()).containsExactlyInAnyOrder(expected);
        }

        @ParameterizedTest(name = "drain.new-requests={0}")
        @ValueSource(strings = { "serve", "SERVE", "Serve" })
        void newRequestsServeInAnyCase(String value) {
            assertThat(read(Keys.NEW_REQUESTS, value).drain().newRequests()).isEqualTo(NewRequests.SERVE);
        }

        @ParameterizedTest(name = "drain.new-requests={0}")
        @ValueSource(strings = { "reject", "REJECT", "Reject" })
        void newRequestsRejectInAnyCase(String value) {
            assertThat(read(Keys.NEW_REQUESTS, value).drain().newRequests())
                    .isEqualTo(NewRequests.REJECT);
        }

        @ParameterizedTest(name = "exit-code={0}")
        @ValueSource(ints = { 0, 3, 255 })
        void exitCodeFromZeroTo255(int code) {
            assertThat(read(Keys.EXIT_CODE, String.valueOf(code)).exitCode()).isEqualTo(code);
        }

        @ParameterizedTest(name = "forced-exit-code={0}")
        @ValueSource(ints = { 0, 42, 255 })
        void forcedExitCodeFromZeroTo255(int code) {
            assertThat(read(Keys.FORCED_EXIT_CODE, String.valueOf(code)).forcedExitCode())
                    .isEqualTo(code);
        }

        @ParameterizedTest(name = "enabled={0}")
        @ValueSource(strings = { "false", "FALSE", "False" })
        void enabledFalseInAnyCase(String value) {
            assertThat(read(Keys.ENABLED, value).enabled()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = { "server", "SERVER", " Server " })
        void processAcceptsAnyCase(String value) {
            assertThat(read(Keys.PROCESS, value).process()).isEqualTo(ProcessSetting.SERVER);
        }

        @Test
        void retryAfterInWholeSeconds() {
            assertThat(read(Keys.RETRY_AFTER, "2m").drain().retryAfter())
                    .isEqualTo(Duration.ofMinutes(2));
        }

        @ParameterizedTest
        @ValueSource(strings = {"file", "FILE", "File"})
        void storeFileInAnyCase(String value) {
            assertThat(read(Keys.STATE_STORE, value).state().store()).isEqualTo(StateConfig.StoreKind.FILE);
        }

        @Test
        void stateDirAsGiven() {
            assertThat(read(Keys.STATE_DIR, "/var/lib/app/state").state().dir())
                    .isEqualTo(Path.of("/var/lib/app/state"));
        }

        @Test
        void everyDurationKeyTakesTheGivenValue() {
            ShutdownConfig config = read(Map.of(
                    Keys.READINESS_DELAY, "1500ms",
                    Keys.DRAIN_TIMEOUT, "PT20S",
                    Keys.TIMEOUT, "1m",
                    Keys.CLEANUP_TIMEOUT, "3s",
                    Keys.CHECKPOINT_INTERVAL, "1h"));

            assertThat(config.readinessDelay()).isEqualTo(Duration.ofMillis(1500));
            assertThat(config.drain().timeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(config.timeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(config.cleanup().timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(config.state().checkpointInterval()).isEqualTo(Duration.ofHours(1));
        }
    }

    /**
     * The pod's grace period, as a manifest passes it ({@code FLUX_SHUTDOWN_GRACE_PERIOD}), against the bounds of
     * the shutdown: a warning at start-up names both when they do not fit.
     */
    @Nested
    class GracePeriodOfThePod {

        private static final String ENV = "FLUX_SHUTDOWN_GRACE_PERIOD";

        private ShutdownConfig onKubernetes(Map<String, String> properties, String gracePeriod) {
            return ShutdownConfig.read(config(properties),
                    Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", ENV, gracePeriod));
        }

        @Test
        void withoutAGracePeriodThereIsNothingToWarnAbout() {
            ShutdownConfig config = ShutdownConfig.read(config(Map.of()), ON_KUBERNETES);

            assertThat(config.gracePeriod().value()).isEmpty();
            assertThat(config.gracePeriodWarning()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = { "70", " 70 ", "70s", "PT70S", "70000ms" })
        void secondsAsKubernetesGivesThemOrADuration(String value) {
            ShutdownConfig config = onKubernetes(Map.of(), value);

            assertThat(config.gracePeriod().value()).contains(Duration.ofSeconds(70));
            assertThat(config.gracePeriodWarning()).isEmpty();
        }

        @Test
        void theConfigKeyIsReadWhereTheEnvironmentSourceMapsTheVariable() {
            ShutdownConfig config = ShutdownConfig.read(config(Map.of(Keys.GRACE_PERIOD, "45")), ON_KUBERNETES);

            assertThat(config.gracePeriod().value()).contains(Duration.ofSeconds(45));
        }

        @Test
        void aGracePeriodJustAboveTheTimeoutFits() {
            assertThat(onKubernetes(Map.of(Keys.TIMEOUT, "60s"), "61").gracePeriodWarning()).isEmpty();
        }

        @Test
        void aGracePeriodNotLongerThanTheTimeoutWarnsNamingBothValues() {
            GracePeriod.Warning warning = onKubernetes(Map.of(Keys.TIMEOUT, "60s"), "60").gracePeriodWarning()
                    .orElseThrow();

            assertThat(warning.code()).isEqualTo("FLUX-0850");
            assertThat(warning.line("")).startsWith("FLUX-0850 ")
                    .contains(ENV + ": 60.0s", Keys.TIMEOUT + " (60.0s)", "cleanups or checkpoints",
                            "for example to 70");
        }

        @Test
        void kubernetesDefaultOf30SecondsCutsTheDrainOfTheDefaultBounds() {
            GracePeriod.Warning warning = onKubernetes(Map.of(), "30").gracePeriodWarning().orElseThrow();

            assertThat(warning.code()).isEqualTo("FLUX-0851");
            assertThat(warning.text()).contains(ENV + ": 30.0s", Keys.READINESS_DELAY + " (5.0s)",
                    Keys.DRAIN_TIMEOUT + " (30.0s)", "= 35.0s", Keys.TIMEOUT + " (60.0s)", "still draining");
        }

        @Test
        void theApplicationsLabelFollowsTheCode() {
            GracePeriod.Warning warning = onKubernetes(Map.of(), "10").gracePeriodWarning().orElseThrow();

            assertThat(warning.line("[app=orders] ")).startsWith("FLUX-0851 [app=orders] The pod's grace period");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = { "seventy", "-1", "1.5", "70 seconds" })
        void anInvalidGracePeriodFailsStartupNamingKeyVariableAndValue(String value) {
            Throwable thrown = catchThrowable(() -> onKubernetes(Map.of(), value));

            assertThat(thrown).isInstanceOf(DeploymentException.class);
            assertThat(thrown.getMessage()).contains("FLUX-0100",
                    Keys.GRACE_PERIOD + " (" + ENV + ")='" + value + "' is invalid: expected whole seconds");
        }
    }

    static Stream<Arguments> acceptedSignals() {
        return Stream.of(
                Arguments.of("TERM,INT", new String[] { "TERM", "INT" }),
                Arguments.of("SIGTERM", new String[] { "TERM" }),
                Arguments.of("hup", new String[] { "HUP" }),
                Arguments.of(" term , sigint ", new String[] { "TERM", "INT" }),
                Arguments.of("TERM,INT,HUP", new String[] { "TERM", "INT", "HUP" }));
    }

    @Nested
    class InvalidValues {

        @ParameterizedTest(name = "{0}={1}")
        @MethodSource("dev.flux.shutdown.internal.ShutdownConfigTest#invalidValues")
        void invalidValueFailsNamingKeyValueAndExpectedForm(String key, String value, String expectedForm) {
            String message = failureOf(Map.of(key, value));

            assertThat(message).contains("FLUX-0100").contains(key + "='" + value + "'").contains(expectedForm);
        }

        @Test
        void everyInvalidKeyIsReportedInOneMessage() {
            String message = failureOf(Map.of(
                    Keys.TIMEOUT, "forever",
                    Keys.EXIT_CODE, "256",
                    Keys.NEW_REQUESTS, "drop",
                    Keys.SIGNALS, "QUIT"));

            assertThat(message)
                    .contains(Keys.TIMEOUT + "='forever'")
                    .contains(Keys.EXIT_CODE + "='256'")
                    .contains(Keys.NEW_REQUESTS + "='drop'")
                    .contains(Keys.SIGNALS + "='QUIT'");
        }

        @Test
        void inconsistentBoundsFailNamingTheThreeKeys() {
            String message = failureOf(Map.of(
                    Keys.READINESS_DELAY, "10s",
                    Keys.DRAIN_TIMEOUT, "50s",
                    Keys.TIMEOUT, "60s"));

            assertThat(message).contains(Keys.READINESS_DELAY, Keys.DRAIN_TIMEOUT,
                    Keys.TIMEOUT, "must be less than");
        }

        @Test
        void drainTimeoutAloneAtTheWholeTimeoutIsInconsistent() {
            String message = failureOf(Map.of(Keys.DRAIN_TIMEOUT, "60s"));

            assertThat(message).contains(Keys.DRAIN_TIMEOUT, Keys.TIMEOUT);
        }

        @Test
        void kubernetesAutoDelayCountsTowardsTheBounds() {
            Config config = config(Map.of(Keys.DRAIN_TIMEOUT, "56s"));

            assertThatThrownBy(() -> ShutdownConfig.read(config, ON_KUBERNETES))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining(Keys.READINESS_DELAY);
        }

        @Test
        void boundsJustBelowTheTimeoutAreConsistent() {
            ShutdownConfig config = read(Map.of(
                    Keys.READINESS_DELAY, "10s",
                    Keys.DRAIN_TIMEOUT, "49999ms",
                    Keys.TIMEOUT, "60s"));

            assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
        }
    }

    static Stream<Arguments> invalidValues() {
        String duration = "500ms, 30s, 2m";
        return Stream.of(
                Arguments.of(Keys.ENABLED, "yes", "true or false"),
                Arguments.of(Keys.SIGNALS, "QUIT", "comma-separated list"),
                Arguments.of(Keys.SIGNALS, "KILL", "comma-separated list"),
                Arguments.of(Keys.SIGNALS, "FOO", "comma-separated list"),
                Arguments.of(Keys.SIGNALS, "TERM,", "comma-separated list"),
                Arguments.of(Keys.READINESS_DELAY, "soon", "auto or"),
                Arguments.of(Keys.READINESS_DELAY, "-1s", duration),
                Arguments.of(Keys.DRAIN_TIMEOUT, "10 parsecs", duration),
                Arguments.of(Keys.DRAIN_TIMEOUT, "PT-1S", duration),
                Arguments.of(Keys.NEW_REQUESTS, "drop", "serve or reject"),
                Arguments.of(Keys.CLEANUP_TIMEOUT, "1.5s", duration),
                Arguments.of(Keys.CLEANUP_TIMEOUT, "0s", "positive duration"),
                Arguments.of(Keys.TIMEOUT, "-5s", duration),
                Arguments.of(Keys.RETRY_AFTER, "500ms", "whole seconds"),
                Arguments.of(Keys.RETRY_AFTER, "soon", duration),
                Arguments.of(Keys.STATE_DIR, "bad\u0000dir", "directory path"),
                Arguments.of(Keys.STATE_STORE, "redis", "expected file"),
                Arguments.of(Keys.CHECKPOINT_INTERVAL, "hourly", duration),
                Arguments.of(Keys.EXIT_CODE, "256", "whole number from 0 to 255"),
                Arguments.of(Keys.EXIT_CODE, "-1", "whole number from 0 to 255"),
                Arguments.of(Keys.EXIT_CODE, "zero", "whole number from 0 to 255"),
                Arguments.of(Keys.FORCED_EXIT_CODE, "1000", "whole number from 0 to 255"),
                Arguments.of(Keys.PROCESS, "mine", "auto or application or server"));
    }

    /** The keys of the contract (DESIGN.md), spelled out here so that renaming one in the code fails a test. */
    private static final class Keys {
        static final String ENABLED = "flux.shutdown.enabled";
        static final String SIGNALS = "flux.shutdown.signals";
        static final String READINESS_DELAY = "flux.shutdown.readiness-delay";
        static final String DRAIN_TIMEOUT = "flux.shutdown.drain.timeout";
        static final String QUIET_PERIOD = "flux.shutdown.drain.quiet-period";
        static final String NEW_REQUESTS = "flux.shutdown.drain.new-requests";
        static final String CLEANUP_TIMEOUT = "flux.shutdown.cleanup.timeout";
        static final String TIMEOUT = "flux.shutdown.timeout";
        static final String RETRY_AFTER = "flux.shutdown.reject.retry-after";
        static final String STATE_DIR = "flux.shutdown.state.dir";
        static final String STATE_STORE = "flux.shutdown.state.store";
        static final String CHECKPOINT_INTERVAL = "flux.shutdown.state.checkpoint-interval";
        static final String EXIT_CODE = "flux.shutdown.exit-code";
        static final String FORCED_EXIT_CODE = "flux.shutdown.forced-exit-code";
        static final String PROCESS = "flux.shutdown.process";
        static final String GRACE_PERIOD = "flux.shutdown.grace-period";
    }
}
