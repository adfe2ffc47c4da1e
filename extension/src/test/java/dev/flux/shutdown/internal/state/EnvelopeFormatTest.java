package dev.flux.shutdown.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.internal.state.Samples.Portfolio;

class EnvelopeFormatTest {

    private final StateCodec codec = new StateCodec();

    private Checkpoint checkpoint() throws IOException {
        PersistentType type = PersistentType.of(Portfolio.class).orElseThrow();
        return Checkpoint.of(type, Instant.parse("2026-01-31T12:00:00.5Z"),
                codec.capture(StateCodecTest.filledPortfolio(), Portfolio.class));
    }

    @Test
    void encodedCheckpointDecodesToTheSameCheckpoint() throws Exception {
        Checkpoint checkpoint = checkpoint();

        Checkpoint decoded = EnvelopeFormat.decode(EnvelopeFormat.encode(checkpoint));

        assertThat(decoded).isEqualTo(checkpoint);
        assertThat(decoded.intact()).isTrue();
    }

    @Test
    void envelopeNamesFormatBeanClassTimeAndChecksum() throws Exception {
        String json = new String(EnvelopeFormat.encode(checkpoint()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"format\" : 1", "\"name\" : \"portfolio\"",
                "\"beanClass\" : \"" + Portfolio.class.getName() + "\"", "\"written\" : \"2026-01-31T12:00:00.500Z\"",
                "\"checksum\" : \"sha256:");
    }

    @Test
    void changedStateFailsTheChecksum() throws Exception {
        String json = new String(EnvelopeFormat.encode(checkpoint()), StandardCharsets.UTF_8);
        byte[] tampered = json.replace("\"Ada\"", "\"Eve\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EnvelopeFormat.decode(tampered)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void everyTruncationIsRefused() throws Exception {
        byte[] whole = EnvelopeFormat.encode(checkpoint());
        int trailingNewline = 1;

        for (int length = 0; length < whole.length - trailingNewline; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> EnvelopeFormat.decode(prefix)).as("first %d bytes", length)
                    .isInstanceOf(CorruptCheckpointException.class);
        }
    }

    @Test
    void otherFormatVersionIsRefused() throws Exception {
        String json = new String(EnvelopeFormat.encode(checkpoint()), StandardCharsets.UTF_8);
        byte[] future = json.replace("\"format\" : 1", "\"format\" : 2").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EnvelopeFormat.decode(future)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("format 2 is not supported");
    }

    @Test
    void unknownEnvelopeFieldIsRefused() throws Exception {
        String json = new String(EnvelopeFormat.encode(checkpoint()), StandardCharsets.UTF_8);
        byte[] extended = json.replaceFirst("\\{", "{\"@class\":\"java.lang.ProcessBuilder\",")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EnvelopeFormat.decode(extended)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("@class");
    }
}
