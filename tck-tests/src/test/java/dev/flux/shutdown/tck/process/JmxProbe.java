package dev.flux.shutdown.tck.process;

import java.io.IOException;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * A JMX client of the child JVM, as an operator's console is: it attaches to the process (the Attach API starts the
 * JVM's local management agent) and reads the application's MBean over a real JMX connection, from this process.
 */
final class JmxProbe implements AutoCloseable {

    static final String MBEAN = "dev.flux.shutdown:type=Shutdown,app=application";

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ObjectName name;

    private JmxProbe(JMXConnector connector) throws IOException, JMException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.name = new ObjectName(MBEAN);
    }

    static JmxProbe attach(long pid) throws IOException, JMException, AttachNotSupportedException {
        return new JmxProbe(connect(pid));
    }

    /** A JMX connection to the process's local management agent, started through the Attach API. */
    static JMXConnector connect(long pid) throws IOException, AttachNotSupportedException {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(address));
    }

    Object attribute(String attribute) throws IOException, JMException {
        return server.getAttribute(name, attribute);
    }

    Object invoke(String operation, String argument) throws IOException, JMException {
        return server.invoke(name, operation, new Object[] {argument}, new String[] {String.class.getName()});
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
