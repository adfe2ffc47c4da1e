package dev.flux.shutdown.internal.process;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Whether the application owns the process it runs in, and why the library thinks so. Only an owner may end the
 * process: inside a server that hosts applications, ending the JVM would take every other application with it.
 *
 * @param application {@code true} when the application owns the process
 * @param reason      what decided it, for the startup log line
 */
record ProcessOwnership(boolean application, String reason) {

    /** Decides for this JVM, from its system properties and the classes on its system class path. */
    public static ProcessOwnership of(ProcessSetting setting) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        return decide(setting, System::getProperty, resource -> system.getResource(resource) != null);
    }

    /**
     * Decides from the given views of the JVM.
     *
     * @param property       a system property, or {@code null} when unset
     * @param systemResource whether a resource is on the system class path (how a launcher is recognised)
     */
    static ProcessOwnership decide(ProcessSetting setting, UnaryOperator<String> property,
            Predicate<String> systemResource) {
        switch (setting) {
            case APPLICATION:
                return new ProcessOwnership(true, ProcessSetting.KEY + "=application");
            case SERVER:
                return new ProcessOwnership(false, ProcessSetting.KEY + "=server");
            default:
                return detect(property, systemResource);
        }
    }

    private static ProcessOwnership detect(UnaryOperator<String> property, Predicate<String> systemResource) {
        if (systemResource.test("fish/payara/micro/boot/PayaraMicroLauncher.class")) {
            return application("Payara Micro");
        }
        if (systemResource.test("org/wildfly/core/jar/boot/Main.class")) {
            return application("a WildFly bootable jar");
        }
        if (property.apply("wlp.install.dir") != null || property.apply("wlp.server.name") != null
                || systemResource.test("com/ibm/ws/kernel/boot/cmdline/EnvCheck.class")) {
            return server("Open Liberty");
        }
        if (property.apply("jboss.server.base.dir") != null || systemResource.test("org/jboss/modules/Main.class")) {
            return server("WildFly / JBoss EAP");
        }
        if (property.apply("com.sun.aas.installRoot") != null) {
            return server("Payara Server / GlassFish");
        }
        if (property.apply("catalina.base") != null) {
            return server("Tomcat / TomEE");
        }
        return application("no application server recognised");
    }

    private static ProcessOwnership application(String seen) {
        return new ProcessOwnership(true, "auto: " + seen);
    }

    private static ProcessOwnership server(String seen) {
        return new ProcessOwnership(false, "auto: " + seen + " hosts applications");
    }

    @Override
    public String toString() {
        return (application ? "the application owns the process" : "a server hosts the application") + " ("
                + reason + ")";
    }
}
