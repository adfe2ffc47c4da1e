package dev.flux.shutdown.internal.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.flux.shutdown.Persistent;

/** Classes whose instances the state tests capture and restore. */
final class Samples {

    private Samples() {
    }

    enum Level {
        LOW, HIGH
    }

    record Position(String symbol, long quantity, BigDecimal price) {
    }

    static final class Address {
        String city;
        List<String> lines = new ArrayList<>();

        Address() {
        }

        Address(String city, List<String> lines) {
            this.city = city;
            this.lines = lines;
        }
    }

    @Persistent("portfolio")
    static class Portfolio {
        static int instances;

        String owner;
        BigDecimal cash;
        double ratio;
        Level level;
        int[] scores;
        Address address;
        List<Position> positions = new ArrayList<>();
        Map<String, Set<Instant>> trades = new LinkedHashMap<>();
        Map<String, Object> tags = new LinkedHashMap<>();
        LocalDate opened;
        Duration holding;
        ZonedDateTime review;
        transient String cache = "cache";
        @Inject
        Object injected;
    }

    /** Stands for the subclass that Weld or ArC generate to apply interceptors. */
    static final class ContainerSubclass extends Portfolio {
        Object containerInternals = new Object();
    }

    /** A class whose construction the tests watch for: a checkpoint must never create it. */
    static final class Gadget {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        boolean armed;

        Gadget() {
            CONSTRUCTED.incrementAndGet();
        }
    }

    static final class Note {
        String text;
    }

    @Persistent("counter")
    static class Counter {
        long count;
        Note note;

        Counter() {
        }

        Counter(long count) {
            this.count = count;
        }
    }

    static final class AsksForClassNames {
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        Object payload;
    }

    /** Cannot be written: it refers to itself. */
    @Persistent("loop")
    static final class Loop {
        Loop self = this;
    }
}
