package dev.flux.shutdown.tck.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.junit.jupiter.api.Test;

import dev.flux.shutdown.tck.CapturedLog;
import dev.flux.shutdown.tck.OwnContainer;

/**
 * The library finds a MicroProfile Metrics registry whose producer chooses the registry by its injection point, as
 * SmallRye Metrics 5 does (Open Liberty's {@code mpMetrics-5.x}:
 * {@code ip.getAnnotated().getAnnotation(RegistryScope.class)}). A lookup through {@code BeanManager.createInstance()}
 * has no annotated injection point: that producer failed and Liberty's adapter yielded {@code null}, so the shutdown
 * was in no metrics there (seen in OpenLibertyMetricsIT); the library now selects it through {@code RegistryInjection},
 * a bean its portable extension adds. The registry here only records what it is asked: what is tested is the
 * library's lookup and its calls.
 */
class MicroProfileRegistryTest {

    /** What the registry was asked, by name: {@code gauge flux.shutdown.phase}, {@code remove flux.shutdown.phase}. */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Test
    void theRegistryIsLookedUpWithAnInjectionPointAndItsMetersLeaveWithTheApplication() {
        CALLS.clear();
        try (CapturedLog log = CapturedLog.of("dev.flux.shutdown");
                OwnContainer app = OwnContainer.boot(Map.of("flux.shutdown.readiness-delay", "0s"), new Extension() {
                }, SmallRyeLikeProducer.class)) {
            assertThat(log.withCode("FLUX-0803")).as("the registry refused").isEmpty();
            assertThat(log.withCode("FLUX-0802")).singleElement().asString().contains("MicroProfile Metrics");
            assertThat(CALLS).contains("gauge flux.shutdown.phase", "gauge flux.shutdown.in.flight",
                    "gauge flux.shutdown.late.requests");

            app.close();

            assertThat(CALLS).contains("timer flux.shutdown.phase.duration", "remove flux.shutdown.phase",
                    "remove flux.shutdown.in.flight", "remove flux.shutdown.phase.duration");
            assertThat(log.withCode("FLUX-0801")).as("a meter that failed").isEmpty();
        }
    }

    /** Chooses the registry as SmallRye Metrics 5's {@code MetricRegistryProducer} does. */
    @ApplicationScoped
    public static class SmallRyeLikeProducer {

        @Produces
        MetricRegistry registry(InjectionPoint injectionPoint) {
            RegistryScope scope = injectionPoint.getAnnotated().getAnnotation(RegistryScope.class);
            String name = scope == null ? MetricRegistry.APPLICATION_SCOPE : scope.scope();
            return recording(MetricRegistry.class, name);
        }
    }

    /**
     * A {@code type} that records each call of the registry, named by the metric's name, and answers every meter
     * asked for with one of its own; its other answers are Java's defaults.
     */
    static <T> T recording(Class<T> type, String scope) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method, args, scope);
                    }
                    if (type == MetricRegistry.class && args != null && args.length > 0) {
                        CALLS.add(method.getName() + " " + metricName(args[0]));
                    }
                    return answer(method.getReturnType(), scope);
                }));
    }

    private static Object answer(Class<?> type, String scope) {
        if (type.isInterface()) {
            return recording(type, scope);
        }
        if (type == boolean.class) {
            return Boolean.TRUE;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == double.class ? Double.valueOf(0) : null;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String scope) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "recording registry " + scope;
        };
    }

    private static String metricName(Object first) {
        if (first instanceof Metadata metadata) {
            return metadata.getName();
        }
        return first instanceof MetricID id ? id.getName() : String.valueOf(first);
    }
}
