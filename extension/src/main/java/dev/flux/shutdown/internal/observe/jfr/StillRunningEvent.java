package dev.flux.shutdown.internal.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One piece of work still in flight when a bound passed. */
@Name("dev.flux.shutdown.StillRunning")
@Label("Still Running At Timeout")
@Description("One piece of work still in flight when a bound passed.")
@Category({"Flux Shutdown"})
@Enabled(true)
@StackTrace(false)
class StillRunningEvent extends jdk.jfr.Event {

    @Label("Application")
    String application;

    @Label("Work")
    @Description("The work and how long it has run")
    String work;

    @Label("Bound")
    @Description("The bound that passed: flux.shutdown.drain.timeout or flux.shutdown.timeout")
    String bound;
}
