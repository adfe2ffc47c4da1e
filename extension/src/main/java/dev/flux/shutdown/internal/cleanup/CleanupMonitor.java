package dev.flux.shutdown.internal.cleanup;

import java.util.function.Consumer;

/** Follows each cleanup, for JFR and metrics. Never blocks, never throws. */
public interface CleanupMonitor {

    /** Follows nothing. */
    CleanupMonitor NONE = new CleanupMonitor() {
        @Override
        public Consumer<CleanupOutcome> starting(CleanupAction action) {
            return outcome -> {
            };
        }

        @Override
        public void notRun(CleanupOutcome outcome) {
        }
    };

    /** A cleanup starts now; the returned callback receives its outcome when it ends. */
    Consumer<CleanupOutcome> starting(CleanupAction action);

    /** A cleanup that did not run: skipped (its bean was never created) or interrupted before its turn. */
    void notRun(CleanupOutcome outcome);
}
