package dev.flux.shutdown.tck.cleanup;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;

/** Reads the CLEANING part of a finished shutdown's report. */
public final class CleaningReport {

    private CleaningReport() {
    }

    public static PhaseReport of(Shutdown shutdown) {
        return shutdown.report().orElseThrow(() -> new AssertionError("no shutdown report yet")).phases().stream()
                .filter(phase -> phase.phase() == ShutdownPhase.CLEANING).findFirst()
                .orElseThrow(() -> new AssertionError("no CLEANING phase in the report"));
    }
}
