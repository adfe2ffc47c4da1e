package dev.flux.shutdown.internal.cdi.discovery;

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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.cleanup.CleanupConfig;

/**
 * Finds and checks the {@code @Cleanup} methods of one bean, so that every way of discovering beans (the portable
 * extension with reflection, the build-compatible one with the CDI Lite language model) applies the same rules and
 * the same messages. The rules judge {@link CleanupCandidate}s; {@link #inspect} is their reflection front.
 */
public final class CleanupDiscovery {

    /** The scopes whose beans may have cleanups: the ones with exactly one instance for the application. */
    public static final Set<Class<? extends Annotation>> SCOPES = Set.of(ApplicationScoped.class, Singleton.class);

    private static final Set<String> SCOPE_NAMES = SCOPES.stream().map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());
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
        List<List<Method>> declared = new ArrayList<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            declared.add(Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> !m.isBridge() && !m.isSynthetic()).toList());
        }
        return reachable(declared, m -> m.getName() + Arrays.toString(m.getParameterTypes()),
                m -> !Modifier.isPrivate(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()));
    }

    /**
     * The methods that a call on an instance can reach, in any model of methods: every method of the bean class,
     * then each superclass's methods that no class below it overrides.
     *
     * @param declaredByClass the methods each class declares, from the bean class up to (excluding) {@code Object}
     * @param signature       name and parameter types, equal for a method and its override
     * @param overridable     whether a method can be overridden (neither private nor static)
     */
    public static <M> List<M> reachable(List<? extends Collection<M>> declaredByClass, Function<M, String> signature,
            Predicate<M> overridable) {
        List<M> methods = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Collection<M> declared : declaredByClass) {
            for (M method : declared) {
                if (!overridable.test(method) || seen.add(signature.apply(method))) {
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
        List<CleanupCandidate> candidates = annotated.stream().map(CleanupDiscovery::candidate).toList();
        List<String> problems = problems(beanClass.getName(), scope.getName(), candidates);
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        OptionalInt beanPriority = priorityOf(beanClass.getAnnotation(Priority.class));
        List<DeclaredCleanup> cleanups = new ArrayList<>();
        for (int i = 0; i < annotated.size(); i++) {
            CleanupCandidate candidate = candidates.get(i);
            cleanups.add(new DeclaredCleanup(beanClass, annotated.get(i), priority(candidate, beanPriority),
                    timeout(candidate), takesEvent(candidate)));
        }
        return new Result(cleanups, List.of());
    }

    /**
     * The rules: what is wrong with the {@code @Cleanup} methods of one bean, one message per problem.
     *
     * @param beanClass  the bean class's binary name
     * @param scope      the binary name of the bean's scope annotation
     * @param candidates the bean's reachable methods annotated {@code @Cleanup}
     */
    public static List<String> problems(String beanClass, String scope, List<CleanupCandidate> candidates) {
        List<String> problems = new ArrayList<>();
        if (candidates.isEmpty()) {
            return problems;
        }
        if (!SCOPE_NAMES.contains(scope)) {
            problems.add("FLUX-0390 " + beanClass + " declares @Cleanup method(s) " + candidates.stream()
                    .map(CleanupCandidate::name).sorted().collect(Collectors.joining(", ")) + " but is @"
                    + simpleName(scope) + ": only @ApplicationScoped and @Singleton beans can have cleanups,"
                    + " because a cleanup runs once, on the application's one instance of its bean. Make "
                    + simpleName(beanClass) + " @ApplicationScoped or @Singleton, or move the cleanup to a"
                    + " bean that is.");
        }
        for (CleanupCandidate candidate : candidates) {
            problems.addAll(problemsOf(beanClass, candidate));
        }
        return problems;
    }

    private static List<String> problemsOf(String beanClass, CleanupCandidate method) {
        List<String> problems = new ArrayList<>();
        String name = "@Cleanup method " + beanClass + "#" + method.name();
        if (method.isStatic()) {
            problems.add("FLUX-0391 " + name + " is static: a cleanup releases what its bean's instance holds."
                    + " Make it an instance method.");
        }
        if (method.isPrivate()) {
            problems.add("FLUX-0392 " + name + " is private: flux-shutdown does not call private methods. Make it"
                    + " package-private, protected or public.");
        }
        if (!method.parameterTypes().isEmpty() && !takesEvent(method)) {
            problems.add("FLUX-0393 " + name + "(" + method.parameterTypes().stream()
                    .map(CleanupDiscovery::simpleName).collect(Collectors.joining(", ")) + ") has parameters that"
                    + " flux-shutdown cannot supply. Declare no parameter, or one ShutdownPhaseEvent.");
        }
        if (!method.timeout().isBlank() && timeout(method).isEmpty()) {
            problems.add("FLUX-0394 " + name + " has @Cleanup(timeout = \"" + method.timeout() + "\"), which is"
                    + " invalid: expected " + POSITIVE_DURATION + ", or no timeout to use " + CleanupConfig.TIMEOUT
                    + ".");
        }
        return problems;
    }

    /** The facts of a method that the rules judge, read by reflection. */
    static CleanupCandidate candidate(Method method) {
        Cleanup cleanup = method.getAnnotation(Cleanup.class);
        return new CleanupCandidate(method.getName(), Modifier.isStatic(method.getModifiers()),
                Modifier.isPrivate(method.getModifiers()),
                Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList(),
                cleanup == null ? "" : cleanup.timeout(), priorityOf(method.getAnnotation(Priority.class)));
    }

    private static boolean takesEvent(CleanupCandidate method) {
        return method.parameterTypes().equals(List.of(ShutdownPhaseEvent.class.getName()));
    }

    private static Optional<Duration> timeout(CleanupCandidate method) {
        return method.timeout().isBlank() ? Optional.empty()
                : Durations.parse(method.timeout()).filter(d -> !d.isZero());
    }

    /** The method's own priority, or else its bean class's. */
    private static OptionalInt priority(CleanupCandidate method, OptionalInt beanPriority) {
        return method.priority().isPresent() ? method.priority() : beanPriority;
    }

    private static OptionalInt priorityOf(Priority priority) {
        return priority == null ? OptionalInt.empty() : OptionalInt.of(priority.value());
    }

    /** {@code com.acme.Outer$Inner} to {@code Inner}, as {@link Class#getSimpleName()} would say. */
    private static String simpleName(String binaryName) {
        String name = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
