package dev.flux.shutdown.tck.app.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/** Has Tyrus take endpoint instances from CDI, so that they are beans with interceptors (as on Quarkus, always). */
public class CdiConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return CDI.current().select(endpointClass).get();
    }
}
