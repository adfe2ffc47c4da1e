package dev.flux.shutdown.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import dev.flux.shutdown.internal.state.Samples.Address;
import dev.flux.shutdown.internal.state.Samples.AsksForClassNames;
import dev.flux.shutdown.internal.state.Samples.ContainerSubclass;
import dev.flux.shutdown.internal.state.Samples.Counter;
import dev.flux.shutdown.internal.state.Samples.Gadget;
import dev.flux.shutdown.internal.state.Samples.Level;
import dev.flux.shutdown.internal.state.Samples.Portfolio;
import dev.flux.shutdown.internal.state.Samples.Position;

class StateCodecTest {

    private final StateCodec codec = new StateCodec();

    static Portfolio filledPortfolio() {
        Portfolio p = new Portfolio();
        p.owner = "Ada";
        p.cash = new BigDecimal("1234.50");
        p.ratio = 1.0E10;
        p.level = Level.HIGH;
        p.scores = new int[] {3, 1, 4};
        p.address = new Address("Lyon", List.of("1 rue de la Paix", "Bât. B"));
        p.positions = List.of(new Position("ACME", 10, new BigDecimal("12.340")),
                new Position("INIT", 3, new BigDecimal("0.1")));
        p.trades = new LinkedHashMap<>(Map.of("ACME", Set.of(Instant.parse("2026-01-31T12:00:00.123456789Z"))));
        p.tags = new LinkedHashMap<>(Map.of("weight", 1.5, "count", 2, "label", "x"));
        p.opened = LocalDate.of(2020, 2, 29);
        p.holding = Duration.ofHours(36).plusMillis(5);
        p.review = ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneId.of("Europe/Paris"));
        return p;
    }

    @Test
    void fieldsOfEveryKindSurviveARoundTrip() throws IOException {
        Portfolio original = filledPortfolio();

        Portfolio restored = new Portfolio();
        codec.apply(codec.capture(original, Portfolio.class), restored, Portfolio.class);

        assertThat(restored).usingRecursiveComparison().ignoringFields("cache", "injected").isEqualTo(original);
        assertThat(restored.cash.scale()).isEqualTo(2);
        assertThat(restored.tags.get("weight")).isInstanceOf(Double.class);
        assertThat(restored.review.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void staticTransientAndInjectedFieldsAreNotState() throws IOException {
        Portfolio bean = filledPortfolio();
        bean.injected = new Object();

        JsonNode state = codec.capture(bean, Portfolio.class);

        assertThat(state.has("cache")).isFalse();
        assertThat(state.has("injected")).isFalse();
        assertThat(state.has("instances")).isFalse();
        assertThat(state.has("owner")).isTrue();
    }

    @Test
    void applicationsJsonIgnoreIsRecognisedByItsUnrelocatedName() {
        assertThat(StateCodec.StateIntrospector.APPLICATION_JSON_IGNORE).isEqualTo(JsonIgnore.class.getName());
    }

    @Test
    void jsonIgnoreFalseKeepsTheField() throws IOException {
        JsonNode state = codec.capture(new Ignoring(), Ignoring.class);

        assertThat(state.has("secret")).isFalse();
        assertThat(state.has("kept")).isTrue();
        assertThat(state.has("visible")).isTrue();
    }

    @Test
    void stateIsTheDeclaredClassNotTheContainerSubclass() throws IOException {
        ContainerSubclass instance = new ContainerSubclass();
        instance.owner = "Grace";

        JsonNode state = codec.capture(instance, Portfolio.class);
        ContainerSubclass restored = new ContainerSubclass();
        codec.apply(state, restored, Portfolio.class);

        assertThat(state.has("containerInternals")).isFalse();
        assertThat(restored.owner).isEqualTo("Grace");
    }

    @Test
    void propertyTheClassDoesNotHaveIsAnError() throws IOException {
        JsonNode state = JsonTrees.parse("{\"count\":1,\"surplus\":2}".getBytes());

        assertThatThrownBy(() -> codec.apply(state, new Counter(), Counter.class)).isInstanceOf(IOException.class)
                .hasMessageContaining("surplus");
    }

    @Test
    void classNameTypeIdIsRefusedEvenWhereTheClassAsksForOne() throws IOException {
        String gadget = Gadget.class.getName();
        JsonNode state = JsonTrees.parse(("{\"payload\":{\"@class\":\"" + gadget + "\",\"armed\":true}}").getBytes());

        assertThatThrownBy(() -> codec.apply(state, new AsksForClassNames(), AsksForClassNames.class))
                .isInstanceOf(IOException.class);
        assertThat(Gadget.CONSTRUCTED).hasValue(0);
    }

    @Test
    void typeIdInAnUntypedFieldIsPlainData() throws IOException {
        String gadget = Gadget.class.getName();
        JsonNode state = JsonTrees.parse(("{\"tags\":{\"x\":[\"" + gadget + "\",{\"armed\":true}]}}").getBytes());
        Portfolio target = new Portfolio();

        codec.apply(state, target, Portfolio.class);

        assertThat(target.tags.get("x")).isInstanceOf(List.class);
        assertThat(Gadget.CONSTRUCTED).hasValue(0);
    }

    static final class Ignoring {
        @JsonIgnore
        String secret = "s";
        @JsonIgnore(false)
        String kept = "k";
        String visible = "v";
    }
}
