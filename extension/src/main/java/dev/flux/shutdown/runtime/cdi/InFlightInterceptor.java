package dev.flux.shutdown.runtime.cdi;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.flux.shutdown.InFlight;
import dev.flux.shutdown.runtime.drain.DescribedWork;
import dev.flux.shutdown.runtime.drain.InFlightRegistry;

/** Counts each call of an {@link InFlight} method as in-flight work until it returns or its stage completes. */
@InFlight
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class InFlightInterceptor {

    @Inject
    DefaultShutdown shutdown;

    @AroundInvoke
    Object track(InvocationContext invocation) throws Exception {
        InFlightRegistry registry = shutdown.registry();
        Method method = invocation.getMethod();
        DescribedWork work = new DescribedWork(
                "@InFlight " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()");
        if (!shutdown.enabled() || !registry.enter(work)) {
            return invocation.proceed();
        }
        boolean async = false;
        try {
            Object result = invocation.proceed();
            if (result instanceof CompletionStage<?> stage) {
                async = true;
                stage.whenComplete((value, failure) -> work.release());
            }
            return result;
        } finally {
            if (!async) {
                work.release();
            }
        }
    }
}
