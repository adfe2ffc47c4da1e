package dev.flux.shutdown.tck.copies;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import dev.flux.shutdown.tck.app.TckOutput;

/**
 * Two applications with their own copy of the library in one JVM, as a server holds them: {@code leaving} sees
 * {@code sun.misc.Signal}, {@code staying} does not (WildFly without {@code jdk.unsupported}). Both start; then
 * {@code leaving} closes (an undeploy) while {@code staying} runs on. The process prints which class loader the
 * JVM's SIGTERM slot holds afterwards ({@value #SLOT}), registers a shutdown hook that prints {@value #HOOK}, prints
 * {@link TckOutput#READY} and waits for a signal.
 */
public final class LibraryCopies {

    public static final String SLOT = "FLUX-TCK SLOT TERM ";
    public static final String HOOK = "FLUX-TCK SHUTDOWN HOOK";
    /** What {@link #SLOT} says of a handler loaded by the application that left. */
    public static final String LEAVING = "leaving";

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private LibraryCopies() {
    }

    public static void main(String[] args) throws Exception {
        URL[] copy = libraryClasspath();
        ClassLoader leavingLoader = new URLClassLoader(LEAVING, copy, ClassLoader.getPlatformClassLoader());
        ClassLoader stayingLoader = new URLClassLoader("staying", copy, new WithoutSunMisc());
        AutoCloseable leaving = startContainer(leavingLoader);
        startContainer(stayingLoader);
        leaving.close();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> TckOutput.print(HOOK)));
        Signal term = new Signal("TERM");
        SignalHandler held = Signal.handle(term, SignalHandler.SIG_DFL);
        Signal.handle(term, held);
        ClassLoader holder = held.getClass().getClassLoader();
        TckOutput.print(SLOT + (holder == leavingLoader ? LEAVING : holder == stayingLoader ? "staying" : "jdk")
                + " " + held.getClass().getName());
        TckOutput.print(TckOutput.READY + ProcessHandle.current().pid());
        NEVER.await();
    }

    /** Starts a Weld SE container on a thread whose context class loader is {@code loader}, as a server would. */
    private static AutoCloseable startContainer(ClassLoader loader) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> initializer = Class.forName("jakarta.enterprise.inject.se.SeContainerInitializer", true, loader);
            Object instance = initializer.getMethod("newInstance").invoke(null);
            return (AutoCloseable) initializer.getMethod("initialize").invoke(instance);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The library and what it needs at run time, without the test application, its HTTP and WebSocket servers. */
    private static URL[] libraryClasspath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (entry.endsWith("classes") || name.startsWith("jersey") || name.startsWith("grizzly")
                    || name.startsWith("tyrus") || name.startsWith("hk2")) {
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    /** The JDK's classes without {@code sun.misc}, as an application of WildFly without jdk.unsupported sees them. */
    private static final class WithoutSunMisc extends ClassLoader {

        WithoutSunMisc() {
            super("without-sun.misc", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("sun.misc.")) {
                throw new ClassNotFoundException(name + " is not visible to this application");
            }
            return super.loadClass(name, resolve);
        }
    }
}
