package dev.flux.shutdown.servers.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the root of the WAR's context ({@code /<war name>/...}). */
@ApplicationPath("/")
public class TestApplication extends Application {
}
