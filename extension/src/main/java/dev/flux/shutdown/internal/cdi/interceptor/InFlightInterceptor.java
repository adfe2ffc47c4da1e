package dev.flux.shutdown.internal.cdi.interceptor;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.flux.shutdown.InFlight;
import dev.flux.shutdown.internal.drain.TrackedWork;
import dev.flux.shutdown.internal.cdi.DefaultShutdown;

/** Counts each call of an {@link InFlight} method as in-flight work until it returns or its stage completes. */
@InFlight
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class InFlightInterceptor {

    @Inject
    DefaultShutdown shutdown;

    @AroundInvoke
    Object track(InvocationContext invocation) throws Exception {
        if (!shutdown.enabled()) {
            return invocation.proceed();
        }
        InvocationWork work = new InvocationWork(invocation.getMethod());
        if (!shutdown.registry().enter(work)) {
            return invocation.proceed();
        }
        boolean released = true;
        try {
            Object result = invocation.proceed();
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, failure) -> work.release());
                released = false;
            }
            return result;
        } finally {
            if (released) {
                work.release();
            }
        }
    }

    /** A call in flight, described only if DRAINING times out while it runs. */
    private static final class InvocationWork extends TrackedWork {

        private final Method method;

        InvocationWork(Method method) {
            this.method = method;
        }

        @Override
        public String describe() {
            return "@InFlight " + method.getDeclaringClass().getName() + "#" + method.getName();
        }
    }
}
