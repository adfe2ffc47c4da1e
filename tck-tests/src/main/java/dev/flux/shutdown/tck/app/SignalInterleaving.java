package dev.flux.shutdown.tck.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;
import javax.management.ObjectName;

/**
 * A test knob ({@code -Djavax.management.builder.initial=} this class, {@code -Dtck.signal-order=FIRST,SECOND}):
 * where two signals reach the library together and its signal dispatcher calls the applications through the
 * platform MBeanServer, the calls are made to interleave in the one order that a loaded machine produces only now
 * and then: {@code claim(FIRST)}, {@code claim(SECOND)}, {@code signal(SECOND)}, {@code signal(FIRST)}. Every wait is
 * bounded, so a dispatcher that never makes the awaited call is only delayed. Calls of other names, and a
 * dispatcher that does not go through JMX, pass untouched.
 */
public final class SignalInterleaving extends MBeanServerBuilder {

    static final String ORDER = "tck.signal-order";
    private static final long BOUND_SECONDS = 10;

    private final Map<String, CountDownLatch> done = new ConcurrentHashMap<>();
    private final List<String> order = List.of(System.getProperty(ORDER, "TERM,HUP").split(","));

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        MBeanServer server = super.newMBeanServer(defaultDomain, outer, delegate);
        InvocationHandler interleaving = (proxy, method, arguments) -> {
            boolean ordered = method.getName().equals("invoke") && arguments.length == 4
                    && ((ObjectName) arguments[0]).getDomain().equals("dev.flux.shutdown")
                    && arguments[2] instanceof Object[] values && values.length == 1
                    && order.contains(String.valueOf(values[0]));
            String call = ordered ? arguments[1] + "(" + ((Object[]) arguments[2])[0] + ")" : null;
            if (ordered) {
                awaitBefore(call);
            }
            try {
                return method.invoke(server, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (ordered) {
                    latch(call).countDown();
                }
            }
        };
        return (MBeanServer) Proxy.newProxyInstance(MBeanServer.class.getClassLoader(),
                new Class<?>[] {MBeanServer.class}, interleaving);
    }

    /** Waits, bounded, for the call that must come before {@code call} in the forced order. */
    private void awaitBefore(String call) throws InterruptedException {
        String first = order.get(0);
        String second = order.get(1);
        String before = call.equals("claim(" + second + ")") ? "claim(" + first + ")"
                : call.equals("signal(" + first + ")") ? "signal(" + second + ")"
                : call.equals("signal(" + second + ")") ? "claim(" + second + ")" : null;
        if (before != null) {
            latch(before).await(BOUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    private CountDownLatch latch(String call) {
        return done.computeIfAbsent(call, c -> new CountDownLatch(1));
    }

}
