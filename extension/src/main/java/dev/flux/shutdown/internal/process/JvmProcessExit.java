package dev.flux.shutdown.internal.process;

import jakarta.enterprise.context.ApplicationScoped;


/** Ends the JVM: {@link System#exit} so the runtime's own shutdown hooks still run, or a halt when forced. */
@ApplicationScoped
public class JvmProcessExit implements ProcessExit {

    @Override
    public void exit(int code) {
        System.exit(code);
    }

    @Override
    public void halt(int code) {
        Runtime.getRuntime().halt(code);
    }
}
