package dev.flux.shutdown.internal.cdi.lite;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.flux.shutdown.internal.ShutdownConfig;

/**
 * On CDI Lite, makes the application's one {@link ShutdownConfig} bean: the configuration is runtime configuration,
 * so it is read and validated when the application first needs it, once, not at build time. The portable extension
 * reads it once during deployment instead.
 */
public final class ConfigurationFromRuntime implements SyntheticBeanCreator<ShutdownConfig> {

    @Override
    public ShutdownConfig create(Instance<Object> lookup, Parameters params) {
        return ShutdownConfig.read(ConfigProvider.getConfig());
    }
}
