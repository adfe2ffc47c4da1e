package dev.flux.shutdown.internal.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One @Cleanup method (or a built-in cleanup) during CLEANING. */
@Name("dev.flux.shutdown.Cleanup")
@Label("Shutdown Cleanup")
@Description("One @Cleanup method (or a built-in cleanup) during CLEANING.")
@Category({"Flux Shutdown"})
@Enabled(true)
@StackTrace(false)
class CleanupEvent extends jdk.jfr.Event {

    @Label("Application")
    String application;

    @Label("Bean")
    String bean;

    @Label("Method")
    String method;

    @Label("Priority")
    @Description("The @Priority value, no priority, or built-in")
    String priority;

    @Label("Outcome")
    @Description("OK, FAILED, TIMED_OUT, SKIPPED or INTERRUPTED")
    String outcome;

    @Label("Failure")
    String failure;
}
