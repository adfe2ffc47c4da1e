package dev.flux.shutdown.tck.stateprocess;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.flux.shutdown.testsupport.PostgresServer;

/**
 * One real PostgreSQL server for all the tests of a class: register it as a static extension field, and it starts
 * before the first test and stops after the last.
 */
final class SharedPostgres implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The running server. */
    PostgresServer server() {
        return server;
    }
}
