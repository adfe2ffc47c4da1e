package dev.flux.shutdown.runtime.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.runtime.Durations;
import dev.flux.shutdown.runtime.cleanup.CleanupConfig;

/**
 * Finds and checks the {@code @Cleanup} methods of one bean, from plain reflection, so that every way of
 * discovering beans (the portable extension, a build-compatible one) applies the same rules and the same messages.
 */
public final class CleanupDiscovery {

    /** The scopes whose beans may have cleanups: the ones with exactly one instance for the application. */
    public static final Set<Class<? extends Annotation>> SCOPES = Set.of(ApplicationScoped.class, Singleton.class);

    private static final String POSITIVE_DURATION = "a positive duration such as 500ms, 30s, 2m or PT30S";

    private CleanupDiscovery() {
    }

    /**
     * What was found on one bean.
     *
     * @param cleanups the valid cleanups
     * @param problems one message per invalid declaration, each with its code, the bean and method, and the fix
     */
    public record Result(List<DeclaredCleanup> cleanups, List<String> problems) {

        public Result {
            cleanups = List.copyOf(cleanups);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The methods a call on an instance of {@code beanClass} can reach: those it declares and those of its
     * superclasses that it does not override (private and static ones included, so that they can be refused).
     */
    public static List<Method> methodsOf(Class<?> beanClass) {
        List<Method> methods = new ArrayList<>();
        Set<String> overridable = new HashSet<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                boolean canOverride = !Modifier.isPrivate(method.getModifiers())
                        && !Modifier.isStatic(method.getModifiers());
                if (!canOverride || overridable.add(signature(method))) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    /** Whether any of {@code methods} is annotated {@code @Cleanup}. */
    public static boolean declaresCleanup(Collection<Method> methods) {
        return methods.stream().anyMatch(m -> m.isAnnotationPresent(Cleanup.class));
    }

    /**
     * Checks and describes the {@code @Cleanup} methods among {@code methods}.
     *
     * @param beanClass the bean's declared class
     * @param scope     the bean's scope annotation, as the container resolved it (stereotypes included)
     * @param methods   the bean's methods, usually {@link #methodsOf(Class)}
     */
    public static Result inspect(Class<?> beanClass, Class<? extends Annotation> scope, Collection<Method> methods) {
        List<Method> annotated = methods.stream().filter(m -> m.isAnnotationPresent(Cleanup.class)).toList();
        List<DeclaredCleanup> cleanups = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (annotated.isEmpty()) {
            return new Result(cleanups, problems);
        }
        if (!SCOPES.contains(scope)) {
            problems.add("FLUX-0390 " + beanClass.getName() + " declares @Cleanup method(s) " + annotated.stream()
                    .map(Method::getName).sorted().collect(Collectors.joining(", ")) + " but is @"
                    + scope.getSimpleName() + ": only @ApplicationScoped and @Singleton beans can have cleanups,"
                    + " because a cleanup runs once, on the application's one instance of its bean. Make "
                    + beanClass.getSimpleName() + " @ApplicationScoped or @Singleton, or move the cleanup to a"
                    + " bean that is.");
        }
        for (Method method : annotated) {
            describe(beanClass, method, problems).ifPresent(cleanups::add);
        }
        return new Result(problems.isEmpty() ? cleanups : List.of(), problems);
    }

    private static Optional<DeclaredCleanup> describe(Class<?> beanClass, Method method, List<String> problems) {
        String name = "@Cleanup method " + beanClass.getName() + "#" + method.getName();
        int before = problems.size();
        if (Modifier.isStatic(method.getModifiers())) {
            problems.add("FLUX-0391 " + name + " is static: a cleanup releases what its bean's instance holds."
                    + " Make it an instance method.");
        }
        if (Modifier.isPrivate(method.getModifiers())) {
            problems.add("FLUX-0392 " + name + " is private: flux-shutdown does not call private methods. Make it"
                    + " package-private, protected or public.");
        }
        Class<?>[] parameters = method.getParameterTypes();
        boolean takesEvent = parameters.length == 1 && parameters[0] == ShutdownPhaseEvent.class;
        if (parameters.length > 0 && !takesEvent) {
            problems.add("FLUX-0393 " + name + "(" + Arrays.stream(parameters).map(Class::getSimpleName)
                    .collect(Collectors.joining(", ")) + ") has parameters that flux-shutdown cannot supply."
                    + " Declare no parameter, or one ShutdownPhaseEvent.");
        }
        String timeoutText = method.getAnnotation(Cleanup.class).timeout();
        Optional<Duration> timeout = Optional.empty();
        if (!timeoutText.isBlank()) {
            timeout = Durations.parse(timeoutText).filter(d -> !d.isZero());
            if (timeout.isEmpty()) {
                problems.add("FLUX-0394 " + name + " has @Cleanup(timeout = \"" + timeoutText + "\"), which is"
                        + " invalid: expected " + POSITIVE_DURATION + ", or no timeout to use "
                        + CleanupConfig.TIMEOUT + ".");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DeclaredCleanup(beanClass, method, priority(beanClass, method), timeout, takesEvent));
    }

    private static OptionalInt priority(Class<?> beanClass, Method method) {
        Priority priority = method.getAnnotation(Priority.class);
        if (priority == null) {
            priority = beanClass.getAnnotation(Priority.class);
        }
        return priority == null ? OptionalInt.empty() : OptionalInt.of(priority.value());
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
