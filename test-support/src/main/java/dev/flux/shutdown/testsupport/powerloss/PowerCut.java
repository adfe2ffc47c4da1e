package dev.flux.shutdown.testsupport.powerloss;

/**
 * Thrown by every operation of a {@link PowerLossDisk} from its crash point on: the machine lost power. An
 * {@link Error}, so that no {@code catch (IOException | RuntimeException e)} of the code under test goes on
 * writing, deleting or tidying up after the cut, as no real program could.
 */
public final class PowerCut extends Error {

    private static final long serialVersionUID = 1L;

    PowerCut(long operation) {
        super("power lost at operation " + operation);
    }
}
