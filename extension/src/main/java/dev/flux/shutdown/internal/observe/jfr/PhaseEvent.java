package dev.flux.shutdown.internal.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One phase of a graceful shutdown, from its start to its end. */
@Name("dev.flux.shutdown.Phase")
@Label("Shutdown Phase")
@Description("One phase of a graceful shutdown, from its start to its end.")
@Category({"Flux Shutdown"})
@Enabled(true)
@StackTrace(false)
class PhaseEvent extends jdk.jfr.Event {

    @Label("Application")
    String application;

    @Label("Phase")
    String phase;

    @Label("Cause")
    @Description("What started the shutdown, e.g. SIGNAL (SIGTERM)")
    String cause;

    @Label("Outcome")
    @Description("ok, or timed-out when a bound was exceeded")
    String outcome;

    @Label("Summary")
    String summary;
}
