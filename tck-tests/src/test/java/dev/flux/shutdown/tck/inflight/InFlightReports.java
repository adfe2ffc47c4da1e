package dev.flux.shutdown.tck.inflight;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;

/** Reads the DRAINING part of a finished shutdown's report. */
final class InFlightReports {

    private InFlightReports() {
    }

    static PhaseReport draining(Shutdown shutdown) {
        return shutdown.report().orElseThrow(() -> new AssertionError("no shutdown report yet")).phases().stream()
                .filter(phase -> phase.phase() == ShutdownPhase.DRAINING).findFirst()
                .orElseThrow(() -> new AssertionError("no DRAINING phase in the report"));
    }
}
