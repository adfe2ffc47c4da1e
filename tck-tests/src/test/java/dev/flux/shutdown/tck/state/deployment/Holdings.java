package dev.flux.shutdown.tck.state.deployment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** A value with nested objects, collections, records and {@code java.time} values, to compare before and after. */
public record Holdings(String owner, BigDecimal cash, Address address, List<Position> positions,
        Map<String, List<Instant>> trades, LocalDate opened, Duration holding, ZonedDateTime review) {

    /** A record nested in the state. */
    public record Position(String symbol, long quantity, BigDecimal price) {
    }

    /** A plain class nested in the state. */
    public static final class Address {
        private String city;
        private List<String> lines;

        Address() {
        }

        public Address(String city, List<String> lines) {
            this.city = city;
            this.lines = List.copyOf(lines);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Address a && a.city.equals(city) && a.lines.equals(lines);
        }

        @Override
        public int hashCode() {
            return city.hashCode() * 31 + lines.hashCode();
        }

        @Override
        public String toString() {
            return city + " " + lines;
        }
    }

    public static Holdings sample() {
        return new Holdings("Ada", new BigDecimal("1234.50"),
                new Address("Lyon", List.of("1 rue de la Paix", "Bât. B")),
                List.of(new Position("ACME", 10, new BigDecimal("12.340")), new Position("INIT", 3, BigDecimal.ONE)),
                Map.of("ACME", List.of(Instant.parse("2026-01-31T12:00:00.123456789Z"),
                        Instant.parse("2026-02-01T08:30:00Z"))),
                LocalDate.of(2020, 2, 29), Duration.ofHours(36).plusMillis(5),
                ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, ZoneId.of("Europe/Paris")));
    }
}
