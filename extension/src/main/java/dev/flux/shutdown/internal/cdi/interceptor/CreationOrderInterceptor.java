package dev.flux.shutdown.internal.cdi.interceptor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import dev.flux.shutdown.internal.cdi.CreationOrder;

/**
 * Records each bean with cleanups in {@link CreationOrder} once its creation is complete, i.e. after its own
 * {@code @PostConstruct}: a bean that uses another one while it starts is thus ranked after it, and its cleanups
 * run first. A lifecycle interceptor works the same on Weld and ArC, unlike observing the bean's creation.
 */
@TrackCreation
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class CreationOrderInterceptor {

    @Inject
    CreationOrder creationOrder;

    @PostConstruct
    Object recordCreation(InvocationContext context) throws Exception {
        Object result = context.proceed();
        creationOrder.created(context.getTarget());
        return result;
    }
}
