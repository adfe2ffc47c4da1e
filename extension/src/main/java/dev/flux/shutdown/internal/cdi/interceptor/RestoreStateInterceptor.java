package dev.flux.shutdown.internal.cdi.interceptor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import dev.flux.shutdown.internal.cdi.StateCheckpoints;

/**
 * Restores a {@code @Persistent} bean's checkpoint into the new instance before the bean's own
 * {@code @PostConstruct} runs (a lifecycle interceptor runs around it), and registers the instance for
 * checkpoints until it is destroyed.
 */
@RestoreState
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class RestoreStateInterceptor {

    @Inject
    StateCheckpoints checkpoints;

    @PostConstruct
    Object restore(InvocationContext context) throws Exception {
        checkpoints.restoreAndRegister(context.getTarget());
        return context.proceed();
    }

    @PreDestroy
    Object forget(InvocationContext context) throws Exception {
        checkpoints.forget(context.getTarget());
        return context.proceed();
    }
}
