package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.FirstTally;
import dev.flux.shutdown.tck.state.deployment.ForeignTally;
import dev.flux.shutdown.tck.state.deployment.Gadget;
import dev.flux.shutdown.tck.state.deployment.GarbageTally;
import dev.flux.shutdown.tck.state.deployment.HostileTally;
import dev.flux.shutdown.tck.state.deployment.LinkedTally;
import dev.flux.shutdown.tck.state.deployment.Tally;
import dev.flux.shutdown.tck.state.deployment.TamperedTally;
import dev.flux.shutdown.tck.state.deployment.TruncatedTally;

/** Every kind of unusable checkpoint is moved aside, never applied even in part, and the bean starts fresh. */
@ExtendWith(ArquillianExtension.class)
class UnusableCheckpointTest {

    @TempDir
    static Path dir;

    @TempDir
    static Path elsewhere;

    private static byte[] garbage;
    private static byte[] truncated;
    private static byte[] tampered;
    private static byte[] foreign;
    private static byte[] hostile;
    private static Path linkTarget;

    @Deployment
    static JavaArchive deployment() throws IOException {
        garbage = "{ this is not JSON".getBytes(StandardCharsets.UTF_8);
        StateFiles.writeRaw(dir, GarbageTally.class, garbage);

        byte[] valid = StateFiles.encode(StateFiles.checkpointWithState(TruncatedTally.class, "{\"count\":5}"));
        truncated = Arrays.copyOf(valid, valid.length / 2);
        StateFiles.writeRaw(dir, TruncatedTally.class, truncated);

        tampered = new String(StateFiles.encode(StateFiles.checkpointWithState(TamperedTally.class,
                "{\"count\":5}")), StandardCharsets.UTF_8).replace("\"count\" : 5", "\"count\" : 6")
                .getBytes(StandardCharsets.UTF_8);
        StateFiles.writeRaw(dir, TamperedTally.class, tampered);

        // a complete, intact checkpoint, but written by another class under this bean's name
        var other = StateFiles.checkpointWithState(FirstTally.class, "{\"count\":5}");
        foreign = StateFiles.encode(new dev.flux.shutdown.internal.state.Checkpoint(other.format(), "foreign",
                other.beanClass(), other.written(), other.checksum(), other.state()));
        StateFiles.writeRaw(dir, ForeignTally.class, foreign);

        // intact checksum; type ids naming a gadget and ProcessBuilder, which must never be instantiated
        hostile = StateFiles.encode(StateFiles.checkpointWithState(HostileTally.class, "{\"count\":5,"
                + "\"extra\":[\"" + Gadget.class.getName() + "\",{\"armed\":true}],"
                + "\"note\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"touch\",\"pwned\"]}}"));
        StateFiles.writeRaw(dir, HostileTally.class, hostile);

        linkTarget = elsewhere.resolve("linked.json");
        Files.write(linkTarget, StateFiles.encode(StateFiles.checkpointWithState(LinkedTally.class,
                "{\"count\":5}")));
        Files.createSymbolicLink(StateFiles.file(dir, LinkedTally.class), linkTarget);

        return Deployments.library(StateFiles.stateDir(dir))
                .addClasses(Tally.class, Tally.Note.class, GarbageTally.class, TruncatedTally.class,
                        TamperedTally.class, ForeignTally.class, HostileTally.class, LinkedTally.class, Gadget.class,
                        RecordingProcessExit.class);
    }

    @Inject
    GarbageTally garbageTally;

    @Inject
    TruncatedTally truncatedTally;

    @Inject
    TamperedTally tamperedTally;

    @Inject
    ForeignTally foreignTally;

    @Inject
    HostileTally hostileTally;

    @Inject
    LinkedTally linkedTally;

    private static void assertQuarantined(Tally bean, Class<?> beanClass, byte[] original) {
        assertThat(bean.count()).as("fresh state").isZero();
        assertThat(StateFiles.file(dir, beanClass)).doesNotExist();
        try {
            assertThat(Files.readAllBytes(StateFiles.quarantined(dir, beanClass))).isEqualTo(original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void garbageIsMovedAside() {
        assertQuarantined(garbageTally, GarbageTally.class, garbage);
    }

    @Test
    void truncatedCheckpointIsMovedAside() {
        assertQuarantined(truncatedTally, TruncatedTally.class, truncated);
    }

    @Test
    void checkpointWithWrongChecksumIsMovedAside() {
        assertQuarantined(tamperedTally, TamperedTally.class, tampered);
    }

    @Test
    void checkpointOfAnotherClassIsMovedAside() {
        assertQuarantined(foreignTally, ForeignTally.class, foreign);
    }

    @Test
    void hostileTypeIdsInstantiateNothingAndAreNeverHalfApplied() {
        assertQuarantined(hostileTally, HostileTally.class, hostile);
        assertThat(hostileTally.extra()).as("applied before the failure, then undone").isNull();
        assertThat(hostileTally.note()).isNull();
        assertThat(Gadget.CONSTRUCTED).hasValue(0);
    }

    @Test
    void symlinkInPlaceOfTheCheckpointIsNotFollowed() throws IOException {
        assertThat(linkedTally.count()).isZero();
        assertThat(StateFiles.file(dir, LinkedTally.class)).doesNotExist();
        Path aside = StateFiles.quarantined(dir, LinkedTally.class);
        assertThat(Files.isSymbolicLink(aside)).isTrue();
        assertThat(Files.readSymbolicLink(aside)).isEqualTo(linkTarget);
        assertThat(Files.isRegularFile(linkTarget, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
