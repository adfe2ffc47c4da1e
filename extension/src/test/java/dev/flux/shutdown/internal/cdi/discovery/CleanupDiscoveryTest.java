package dev.flux.shutdown.internal.cdi.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.internal.cdi.discovery.CleanupDiscovery.Result;

class CleanupDiscoveryTest {

    @Test
    void methodPriorityWinsOverBeanClassPriority() {
        Result result = inspect(Prioritized.class, ApplicationScoped.class);

        assertThat(result.problems()).isEmpty();
        assertThat(result.cleanups()).extracting(DeclaredCleanup::name, DeclaredCleanup::priority)
                .containsExactlyInAnyOrder(
                        tuple(Prioritized.class.getName() + "#own", OptionalInt.of(5)),
                        tuple(Prioritized.class.getName() + "#inherits", OptionalInt.of(40)));
    }

    @Test
    void timeoutIsParsedInTheFormsOfTheConfiguration() {
        Result result = inspect(Timed.class, Singleton.class);

        assertThat(result.cleanups()).extracting(DeclaredCleanup::timeout)
                .containsExactlyInAnyOrder(Optional.of(Duration.ofMillis(250)), Optional.empty());
    }

    @Test
    void shutdownPhaseEventIsTheOneParameterACleanupMayTake() {
        Result result = inspect(TakesEvent.class, ApplicationScoped.class);

        assertThat(result.problems()).isEmpty();
        assertThat(result.cleanups()).singleElement().extracting(DeclaredCleanup::takesEvent).isEqualTo(true);
    }

    @Test
    void cleanupsOfSuperclassesAreFoundButNotOnesTheBeanOverridesWithoutTheAnnotation() {
        Result result = inspect(Sub.class, ApplicationScoped.class);

        assertThat(result.cleanups()).extracting(c -> c.method().getName()).containsExactly("inherited");
        assertThat(result.cleanups()).extracting(DeclaredCleanup::beanClass).containsOnly(Sub.class);
    }

    @Test
    void beanWithoutCleanupHasNothingToSayWhateverItsScope() {
        Result result = inspect(Plain.class, Dependent.class);

        assertThat(result.cleanups()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void dependentAndRequestScopedBeansCannotHaveCleanups() {
        assertThat(inspect(TakesEvent.class, Dependent.class).problems()).singleElement().asString()
                .startsWith("FLUX-0390 " + TakesEvent.class.getName() + " declares @Cleanup method(s) close but is"
                        + " @Dependent: only @ApplicationScoped and @Singleton beans can have cleanups")
                .contains("Make TakesEvent @ApplicationScoped or @Singleton");
        assertThat(inspect(TakesEvent.class, RequestScoped.class).problems()).singleElement().asString()
                .contains("is @RequestScoped");
    }

    @Test
    void everyInvalidDeclarationIsReportedWithItsFix() {
        Result result = inspect(Invalid.class, ApplicationScoped.class);

        assertThat(result.cleanups()).isEmpty();
        String name = "@Cleanup method " + Invalid.class.getName();
        assertThat(result.problems()).containsExactlyInAnyOrder(
                "FLUX-0391 " + name + "#isStatic is static: a cleanup releases what its bean's instance holds."
                        + " Make it an instance method.",
                "FLUX-0392 " + name + "#isPrivate is private: flux-shutdown does not call private methods. Make it"
                        + " package-private, protected or public.",
                "FLUX-0393 " + name + "#takesString(String, int) has parameters that flux-shutdown cannot supply."
                        + " Declare no parameter, or one ShutdownPhaseEvent.",
                "FLUX-0394 " + name + "#unparsableTimeout has @Cleanup(timeout = \"soon\"), which is invalid:"
                        + " expected a positive duration such as 500ms, 30s, 2m or PT30S, or no timeout to use"
                        + " flux.shutdown.cleanup.timeout.",
                "FLUX-0394 " + name + "#negativeTimeout has @Cleanup(timeout = \"-5s\"), which is invalid:"
                        + " expected a positive duration such as 500ms, 30s, 2m or PT30S, or no timeout to use"
                        + " flux.shutdown.cleanup.timeout.",
                "FLUX-0394 " + name + "#zeroTimeout has @Cleanup(timeout = \"0s\"), which is invalid:"
                        + " expected a positive duration such as 500ms, 30s, 2m or PT30S, or no timeout to use"
                        + " flux.shutdown.cleanup.timeout.");
    }

    private static Result inspect(Class<?> beanClass, Class<? extends Annotation> scope) {
        return CleanupDiscovery.inspect(beanClass, scope, CleanupDiscovery.methodsOf(beanClass));
    }

    @Priority(40)
    static class Prioritized {
        @Cleanup
        @Priority(5)
        void own() {
        }

        @Cleanup
        void inherits() {
        }

        void notACleanup() {
        }
    }

    static class Timed {
        @Cleanup(timeout = "250ms")
        CompletionStage<Void> bounded() {
            return CompletableFuture.completedFuture(null);
        }

        @Cleanup
        void byConfig() {
        }
    }

    static class TakesEvent {
        @Cleanup
        void close(ShutdownPhaseEvent event) {
        }
    }

    static class Base {
        @Cleanup
        void inherited() {
        }

        @Cleanup
        void overridden() {
        }
    }

    static class Sub extends Base {
        @Override
        void overridden() {
        }
    }

    static class Plain {
        void close() {
        }
    }

    static class Invalid {
        @Cleanup
        static void isStatic() {
        }

        @Cleanup
        private void isPrivate() {
        }

        @Cleanup
        void takesString(String text, int number) {
        }

        @Cleanup(timeout = "soon")
        void unparsableTimeout() {
        }

        @Cleanup(timeout = "-5s")
        void negativeTimeout() {
        }

        @Cleanup(timeout = "0s")
        void zeroTimeout() {
        }
    }
}
