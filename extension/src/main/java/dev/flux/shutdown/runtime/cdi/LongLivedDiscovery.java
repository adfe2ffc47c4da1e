package dev.flux.shutdown.runtime.cdi;

import java.lang.reflect.Method;

import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;

import dev.flux.shutdown.LongPoll;
import dev.flux.shutdown.runtime.drain.longlived.LongLivedFeature;

/**
 * Which bean methods open long-lived responses, the same rule for both extension flavours: those that take an
 * {@code SseEventSink} and those marked {@link LongPoll}.
 */
final class LongLivedDiscovery {

    static final String EVENT_SINK = "jakarta.ws.rs.sse.SseEventSink";

    private LongLivedDiscovery() {
    }

    /** For the portable extension, which sees reflection's view. */
    static boolean opensLongLived(Method method) {
        return LongLivedFeature.opensLongLived(method);
    }

    /** For the build-compatible extension, which sees the language model. */
    static boolean opensLongLived(MethodInfo method) {
        if (method.hasAnnotation(LongPoll.class)) {
            return true;
        }
        for (ParameterInfo parameter : method.parameters()) {
            if (parameter.type().isClass() && parameter.type().asClass().declaration().name().equals(EVENT_SINK)) {
                return true;
            }
        }
        return false;
    }
}
