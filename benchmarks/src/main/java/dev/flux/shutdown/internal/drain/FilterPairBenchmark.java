package dev.flux.shutdown.internal.drain;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.flux.shutdown.internal.drain.DrainConfig.NewRequests;

/**
 * The cost that the request filter pair adds to one request: acquire in the request filter, the response filter,
 * release after the entity is written. Beside it, a bare shared atomic counter (what an exact count on one word
 * costs), a clock read (which the request path avoids), the registry alone, and the stub exchange alone (its property
 * map is what any filter pays). Run with {@code -t 1} and {@code -t 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FilterPairBenchmark {

    /** Shared by all benchmark threads, as one server's filter and registry are. */
    @State(Scope.Benchmark)
    public static class Server {
        final AtomicLong counter = new AtomicLong();
        final InFlightRegistry registry = new InFlightRegistry();
        final DrainConfig config = new DrainConfig(Duration.ofSeconds(30), NewRequests.SERVE, Duration.ofSeconds(5));
        final RequestDrainFilter filter = new RequestDrainFilter(new DrainGate(true, registry, config));
        final RequestDrainFilter disabledFilter = new RequestDrainFilter(new DrainGate(false, registry, config));
    }

    /** One request's exchange per benchmark thread, as each request has its own. */
    @State(Scope.Thread)
    public static class Exchange {
        final BenchExchange exchange = new BenchExchange();
    }

    @Benchmark
    public long bareCounter(Server server) {
        server.counter.incrementAndGet();
        return server.counter.decrementAndGet();
    }

    /** {@code System.nanoTime()}: what a timestamp per request would cost; the request path takes none. */
    @Benchmark
    public long clock() {
        return System.nanoTime();
    }

    @Benchmark
    public boolean registryEnterAndRelease(Server server) {
        DescribedWork work = new DescribedWork("work");
        server.registry.enter(work);
        return work.release();
    }

    @Benchmark
    public Object exchangeAlone(Exchange state) {
        BenchExchange e = state.exchange;
        e.reset();
        e.request.setProperty("key", e);
        e.request.getProperty("key");
        return e.writer.getProperty("key");
    }

    @Benchmark
    public Object filterPair(Server server, Exchange state) throws IOException {
        BenchExchange e = state.exchange;
        e.reset();
        server.filter.filter(e.request);
        server.filter.filter(e.request, e.response);
        server.filter.aroundWriteTo(e.writer);
        return e.aborted;
    }

    @Benchmark
    public Object filterPairDisabled(Server server, Exchange state) throws IOException {
        BenchExchange e = state.exchange;
        e.reset();
        server.disabledFilter.filter(e.request);
        server.disabledFilter.filter(e.request, e.response);
        server.disabledFilter.aroundWriteTo(e.writer);
        return e.aborted;
    }
}
