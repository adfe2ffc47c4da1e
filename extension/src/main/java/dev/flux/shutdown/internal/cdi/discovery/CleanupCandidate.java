package dev.flux.shutdown.internal.cdi.discovery;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A method annotated {@code @Cleanup}, reduced to the facts that the deployment rules judge. Reflection (the portable
 * extension) and the CDI Lite language model (the build-compatible extension) can both supply them, so both
 * flavours of the extension apply one set of rules, in {@link CleanupDiscovery}.
 *
 * @param name           the method's name
 * @param isStatic       whether it is static
 * @param isPrivate      whether it is private
 * @param parameterTypes the erased types of its parameters, by binary name ({@code java.lang.String}, {@code int},
 *                       {@code java.lang.String[]})
 * @param timeout        the text of {@code @Cleanup(timeout)}, empty when not given
 * @param priority       the method's own {@code @Priority}, or empty
 */
public record CleanupCandidate(String name, boolean isStatic, boolean isPrivate, List<String> parameterTypes,
        String timeout, OptionalInt priority) {

    public CleanupCandidate {
        Objects.requireNonNull(name, "name");
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(priority, "priority");
    }
}
