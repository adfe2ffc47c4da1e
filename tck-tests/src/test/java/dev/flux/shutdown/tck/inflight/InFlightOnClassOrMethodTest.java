package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.inflight.deployment.ClassLevelWork;
import dev.flux.shutdown.tck.inflight.deployment.MethodLevelWork;
import dev.flux.shutdown.tck.inflight.deployment.WorkBase;

/** {@code @InFlight} on a class counts calls of every business method; on a method, calls of that method only. */
@ExtendWith(ArquillianExtension.class)
class InFlightOnClassOrMethodTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(WorkBase.class, ClassLevelWork.class, MethodLevelWork.class);
    }

    @Inject
    InFlightTracker tracker;

    @Inject
    ClassLevelWork classLevel;

    @Inject
    MethodLevelWork methodLevel;

    @Test
    void onTheClassEveryBusinessMethodIsCountedWhileItRuns() {
        assertThat(tracker.inFlight()).isZero();

        assertThat(classLevel.first()).as("in flight during first()").isEqualTo(1);
        assertThat(classLevel.second()).as("in flight during second()").isEqualTo(1);
        assertThat(classLevel.inherited()).as("in flight during inherited()").isEqualTo(1);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void onOneMethodOnlyThatMethodIsCounted() {
        assertThat(tracker.inFlight()).isZero();

        assertThat(methodLevel.tracked()).as("in flight during tracked()").isEqualTo(1);
        assertThat(methodLevel.untracked()).as("in flight during untracked()").isZero();
        assertThat(tracker.inFlight()).isZero();
    }
}
