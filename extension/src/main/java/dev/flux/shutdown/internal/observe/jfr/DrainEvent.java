package dev.flux.shutdown.internal.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** DRAINING: the work in flight at its start, the late requests, and how it ended. */
@Name("dev.flux.shutdown.Drain")
@Label("Shutdown Drain")
@Description("DRAINING: the work in flight at its start, the late requests, and how it ended.")
@Category({"Flux Shutdown"})
@Enabled(true)
@StackTrace(false)
class DrainEvent extends jdk.jfr.Event {

    @Label("Application")
    String application;

    @Label("In Flight At Start")
    int inFlightAtStart;

    @Label("Served Late")
    @Description("Requests that arrived during DRAINING and were served")
    long servedLate;

    @Label("Refused")
    @Description("Requests that arrived during DRAINING and were refused with 503")
    long refused;

    @Label("Still Running")
    @Description("Work still in flight when drain.timeout passed")
    int stillRunning;

    @Label("Timed Out")
    boolean timedOut;

    @Label("Drain Latency")
    @Description("From the release of the last work to the end of DRAINING")
    @Timespan(Timespan.NANOSECONDS)
    long latency;
}
