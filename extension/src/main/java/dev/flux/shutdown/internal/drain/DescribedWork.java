package dev.flux.shutdown.internal.drain;

/** Work described by a fixed text: a ticket or an {@code @InFlight} call. */
public final class DescribedWork extends TrackedWork {

    private final String description;

    public DescribedWork(String description) {
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }
}
