package dev.flux.shutdown;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose state survives restarts. In {@link ShutdownPhase#PERSISTING} (and periodically, if configured)
 * the instances of all {@code @Persistent} beans are captured at one instant and committed as one checkpoint,
 * atomically: after a crash all beans restore from the same checkpoint. When the bean is created at the next start,
 * its state in that checkpoint is read back into the new instance before the bean's own {@code @PostConstruct}
 * runs, so its init code sees the restored state. Hold {@link Shutdown#stateLock()} around changes that span beans.
 * <p>
 * What is saved: the instance fields of the bean class and its superclasses, with Jackson (getters and setters are
 * not used). {@code static} and {@code transient} fields, fields annotated {@code @Inject} and Jackson's
 * {@code @JsonIgnore} are skipped; mark fields set by constructor injection {@code transient}. Field types may be
 * primitives, strings, enums, {@code BigDecimal}, arrays, collections, maps, records, plain objects and
 * {@code java.time} values. A checkpoint never names a Java class to instantiate: only the declared field types
 * are ever created.
 * <p>
 * Supported on {@code @ApplicationScoped} and {@code @Singleton} beans (one instance per application, one
 * checkpoint); any other scope fails the deployment. Not inherited: annotate the bean class itself.
 * <p>
 * Configuration: {@code flux.shutdown.state.store} and {@code flux.shutdown.state.dir} (where checkpoints live) and
 * {@code flux.shutdown.state.checkpoint-interval} (periodic checkpoints while the application runs).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Persistent {

    /**
     * The persistent name, which names the checkpoint; empty (the default) means the bean's fully qualified class
     * name. Two beans of one application must not share a name. A checkpoint is only restored into the class that
     * wrote it: after a class is renamed, its old checkpoint is moved aside and the bean starts fresh.
     *
     * @return the persistent name, or empty for the class name
     */
    String value() default "";
}
