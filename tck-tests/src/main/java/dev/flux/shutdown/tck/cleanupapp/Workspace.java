package dev.flux.shutdown.tck.cleanupapp;

import java.nio.file.Path;

/**
 * Where the application keeps its files, and how many records it writes.
 *
 * @param dir     {@code cleanupapp.dir}
 * @param records {@code cleanupapp.records}
 */
public record Workspace(Path dir, int records) {

    public static final String DIR = "cleanupapp.dir";
    public static final String RECORDS = "cleanupapp.records";

    public static Workspace fromSystemProperties() {
        String dir = System.getProperty(DIR);
        if (dir == null) {
            throw new IllegalStateException("set -D" + DIR + " to the application's working directory");
        }
        return new Workspace(Path.of(dir), Integer.getInteger(RECORDS, 100));
    }

    public Path auditFile() {
        return dir.resolve("audit.txt");
    }

    public Path logFile() {
        return dir.resolve("orders.log");
    }

    /** The H2 database, as H2 names it: without its {@code .mv.db} suffix. */
    public Path database() {
        return dir.resolve("orders");
    }
}
