package dev.flux.shutdown.internal.cdi.interceptor;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.sse.SseEventSink;

import dev.flux.shutdown.LongPoll;
import dev.flux.shutdown.internal.drain.longlived.LongLivedAdmission;
import dev.flux.shutdown.internal.drain.longlived.LongLivedResponses;
import dev.flux.shutdown.internal.drain.longlived.OpenSseStream;
import dev.flux.shutdown.internal.drain.longlived.SuspendedLongPoll;
import dev.flux.shutdown.internal.cdi.DefaultShutdown;

/**
 * Hands the event sink, or the suspended response of a long poll, of each call to {@link LongLivedResponses}, which
 * ends it at the start of DRAINING. The resource method is the one place where both runtimes (Jersey, Quarkus REST)
 * show them, and resources are CDI beans on both.
 */
@EndsAtDraining
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LongLivedInterceptor {

    @Inject
    DefaultShutdown shutdown;

    @AroundInvoke
    Object open(InvocationContext invocation) throws Exception {
        LongLivedResponses responses = shutdown.longLived();
        if (!responses.enabled()) {
            return invocation.proceed();
        }
        boolean longPoll = invocation.getMethod().isAnnotationPresent(LongPoll.class);
        for (Object argument : invocation.getParameters()) {
            if (argument instanceof SseEventSink sink) {
                responses.open(new OpenSseStream(sink, responses.config()));
            } else if (longPoll && argument instanceof AsyncResponse async) {
                SuspendedLongPoll poll = new SuspendedLongPoll(async, () -> LongLivedAdmission.refusal(responses));
                async.register((CompletionCallback) failure -> responses.closed(poll));
                responses.open(poll);
            }
        }
        return invocation.proceed();
    }
}
