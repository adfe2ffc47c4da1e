package dev.flux.shutdown.sample.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A working directory that the sample processes of one test share (one after the other, like restarts of one
 * service), removed after the test.
 */
final class SampleWorkDir implements AfterEachCallback {

    private final String prefix;
    private Path dir;

    SampleWorkDir(String prefix) {
        this.prefix = prefix;
    }

    /** Creates the directory of this test. */
    Path create() throws IOException {
        dir = Files.createTempDirectory(prefix);
        return dir;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (dir != null) {
            SampleProcess.deleteRecursively(dir);
            dir = null;
        }
    }
}
