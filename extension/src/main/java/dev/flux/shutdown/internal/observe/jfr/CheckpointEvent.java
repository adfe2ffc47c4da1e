package dev.flux.shutdown.internal.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** One @Persistent bean in a checkpoint (one set over every bean), final (PERSISTING) or periodic. */
@Name("dev.flux.shutdown.Checkpoint")
@Label("Shutdown Checkpoint")
@Description("One @Persistent bean in a checkpoint (one set over every bean), final (PERSISTING) or periodic.")
@Category({"Flux Shutdown"})
@Enabled(true)
@StackTrace(false)
class CheckpointEvent extends jdk.jfr.Event {

    @Label("Application")
    String application;

    @Label("Bean")
    @Description("The persistent name of the bean")
    String bean;

    @Label("Size")
    @DataAmount
    long bytes;

    @Label("Store")
    String store;

    @Label("Kind")
    @Description("final or periodic")
    String kind;

    @Label("Sequence")
    @Description("The sequence number of the committed set, -1 if none was committed")
    long sequence;

    @Label("Result")
    @Description("WRITTEN, SKIPPED or FAILED")
    String result;

    @Label("Capture Time")
    @Description("How long capturing this bean took")
    @Timespan(Timespan.NANOSECONDS)
    long captureTime;

    @Label("Commit Time")
    @Description("How long capturing and committing the whole set took")
    @Timespan(Timespan.NANOSECONDS)
    long commitTime;

    @Label("Problem")
    String problem;
}
