package dev.flux.shutdown.internal.observe.mpmetrics;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's {@code MetricRegistry}, looked up through an injection point. SmallRye Metrics' producer (Open
 * Liberty's {@code mpMetrics-5.x}) reads {@code injectionPoint.getAnnotated()} to choose the registry; a lookup
 * through {@code BeanManager.createInstance()} has no annotated injection point, and there that producer fails and
 * Liberty yields {@code null}. This class has no bean-defining annotation: the portable extension adds it as a bean
 * only where the MicroProfile Metrics API is visible, so a runtime without it never loads the type, and a runtime
 * that removes unused beans (Quarkus ArC) keeps its other beans (an injected {@code Instance<Object>} would keep
 * every one).
 */
public class RegistryInjection {

    @Inject
    Instance<MetricRegistry> registry;

    /** The registries, selected through this bean's injection point. */
    Instance<MetricRegistry> registry() {
        return registry;
    }
}
