package dev.flux.shutdown.internal.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** What started a graceful shutdown: a signal, a programmatic call or the CDI container closing. */
@Name("dev.flux.shutdown.Trigger")
@Label("Shutdown Trigger")
@Description("What started a graceful shutdown: a signal, a programmatic call or the CDI container closing.")
@Category({"Flux Shutdown"})
@Enabled(true)
@StackTrace(false)
class TriggerEvent extends jdk.jfr.Event {

    @Label("Application")
    String application;

    @Label("Trigger")
    @Description("SIGNAL, PROGRAMMATIC or CONTAINER")
    String trigger;

    @Label("Detail")
    @Description("The signal (SIGTERM), the reason given, or the container event")
    String detail;
}
