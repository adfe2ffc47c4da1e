package dev.flux.shutdown.internal.drain.longlived;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.sse.SseEventSink;

import dev.flux.shutdown.LongPoll;

/**
 * Gives the resource methods that open long-lived responses (a parameter of type {@link SseEventSink}, or
 * {@link LongPoll}) the {@link LongLivedAdmission} filter; every other method runs without it, at no cost.
 */
@Provider
@Priority(Priorities.USER - 900)
public class LongLivedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method != null && opensLongLived(method)) {
            context.register(new LongLivedAdmission(), Priorities.USER - 900);
        }
    }

    /** Whether calls of {@code method} open a long-lived response: an event stream or a long poll. */
    public static boolean opensLongLived(Method method) {
        return method.isAnnotationPresent(LongPoll.class) || takesEventSink(method);
    }

    static boolean takesEventSink(Method method) {
        for (Class<?> type : method.getParameterTypes()) {
            if (SseEventSink.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
