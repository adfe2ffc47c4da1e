package dev.flux.shutdown.tck.stateapp.ledger;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The ledger's own {@code DataSource}, as a service defines one, for the JDBC checkpoint store: PostgreSQL at
 * {@code -Dapp.jdbc.url}, its sessions named {@code -Dapp.jdbc.application-name} (so a test can find and terminate
 * them). Produced only when the store asks for it (with the file store it is never used). After {@link #hold()},
 * every commit prints {@code commit-held} and waits for {@link #proceed()}: a test can then act on the open
 * transaction, as a slow network would let it.
 */
public class LedgerDataSource {

    private static volatile CountDownLatch proceed = new CountDownLatch(1);
    private static volatile boolean holding;

    @Produces
    @Singleton
    DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(System.getProperty("app.jdbc.url"));
        source.setApplicationName(System.getProperty("app.jdbc.application-name", "ledger"));
        return holdingCommits(source);
    }

    /** From now on, commits wait for {@link #proceed()}. */
    public static void hold() {
        holding = true;
    }

    /** Lets the held commit go on. */
    public static void proceed() {
        CountDownLatch held = proceed;
        proceed = new CountDownLatch(1);
        held.countDown();
    }

    private static DataSource holdingCommits(DataSource source) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(source, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(LedgerDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                        if (m.getName().equals("commit") && holding) {
                            CountDownLatch waiting = proceed;
                            System.out.println("commit-held");
                            waiting.await(2, TimeUnit.MINUTES);
                        }
                        return invoke(connection, m, a);
                    });
        };
        return (DataSource) Proxy.newProxyInstance(LedgerDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
