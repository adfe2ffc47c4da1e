package dev.flux.shutdown.tck.state.deployment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import dev.flux.shutdown.Persistent;
import dev.flux.shutdown.tck.state.deployment.Holdings.Address;
import dev.flux.shutdown.tck.state.deployment.Holdings.Position;

/** A {@code @Persistent} bean whose fields hold every kind of value a checkpoint must keep. */
@ApplicationScoped
@Persistent("portfolio")
public class Portfolio {

    @Inject
    BeanManager beanManager;

    private String owner;
    private BigDecimal cash;
    private Address address;
    private List<Position> positions = new ArrayList<>();
    private Map<String, List<Instant>> trades = new HashMap<>();
    private LocalDate opened;
    private Duration holding;
    private ZonedDateTime review;

    public synchronized void load(Holdings h) {
        owner = h.owner();
        cash = h.cash();
        address = h.address();
        positions = new ArrayList<>(h.positions());
        trades = new HashMap<>(h.trades());
        opened = h.opened();
        holding = h.holding();
        review = h.review();
    }

    public synchronized void buy(Position position) {
        positions.add(position);
    }

    public synchronized Holdings holdings() {
        return new Holdings(owner, cash, address, List.copyOf(positions), Map.copyOf(trades), opened, holding,
                review);
    }

    public boolean injected() {
        return beanManager != null;
    }
}
