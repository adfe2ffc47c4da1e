package dev.flux.shutdown.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who owns the process: recognised from what each runtime's launcher leaves in the JVM, or set explicitly. */
class ProcessOwnershipTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "wlp.install.dir, /opt/ol/wlp/", "wlp.server.name, defaultServer",
            "jboss.server.base.dir, /opt/wildfly/standalone", "com.sun.aas.installRoot, /opt/payara/glassfish",
            "catalina.base, /opt/tomee" })
    void aServerThatHostsApplicationsIsRecognisedByItsSystemProperty(String property, String value) {
        ProcessOwnership ownership = detect(Map.of(property, value), Set.of());

        assertThat(ownership.application()).isFalse();
        assertThat(ownership.reason()).startsWith("auto: ");
    }

    @Test
    void wildFlyIsRecognisedByJBossModulesOnTheSystemClassPath() {
        assertThat(detect(Map.of(), Set.of("org/jboss/modules/Main.class")).application()).isFalse();
    }

    @Test
    void payaraMicroOwnsItsProcessAlthoughItSetsGlassFishProperties() {
        ProcessOwnership ownership = detect(Map.of("com.sun.aas.installRoot", "/tmp/payaramicro-rt"),
                Set.of("fish/payara/micro/boot/PayaraMicroLauncher.class"));

        assertThat(ownership.application()).isTrue();
        assertThat(ownership.reason()).contains("Payara Micro");
    }

    @Test
    void aWildFlyBootableJarOwnsItsProcess() {
        ProcessOwnership ownership = detect(Map.of("jboss.server.base.dir", "/tmp/wildfly-bootable-server/standalone"),
                Set.of("org/wildfly/core/jar/boot/Main.class", "org/jboss/modules/Main.class"));

        assertThat(ownership.application()).isTrue();
    }

    @Test
    void aPlainJvmIsOwnedByItsApplication() {
        assertThat(detect(Map.of(), Set.of()).application()).isTrue();
    }

    @Test
    void theSettingOverridesDetection() {
        Map<String, String> liberty = Map.of("wlp.install.dir", "/opt/ol/wlp/");

        assertThat(ProcessOwnership.decide(ProcessSetting.APPLICATION, liberty::get, r -> false).application())
                .isTrue();
        assertThat(ProcessOwnership.decide(ProcessSetting.SERVER, name -> null, r -> false).application())
                .isFalse();
    }

    private static ProcessOwnership detect(Map<String, String> properties, Set<String> systemResources) {
        return ProcessOwnership.decide(ProcessSetting.AUTO, properties::get, systemResources::contains);
    }
}
