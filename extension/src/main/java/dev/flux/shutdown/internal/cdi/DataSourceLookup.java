package dev.flux.shutdown.internal.cdi;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;

import dev.flux.shutdown.internal.state.jdbc.JdbcStoreConfig;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.jdbc.JdbcCheckpointStore;

/**
 * Finds the application's own {@code DataSource} for the JDBC checkpoint store, by the name in
 * {@code flux.shutdown.state.jdbc.datasource}: empty means the default {@code DataSource} bean; a name is a bean
 * {@code @Named} so, or one with another qualifier whose {@code value} is that name (Quarkus' named datasources:
 * {@code @io.quarkus.agroal.DataSource("state")}), else a JNDI name ({@code java:comp/env/jdbc/app} in a server).
 * The library brings no pool and no driver: it uses what the application configured.
 */
public final class DataSourceLookup {

    private DataSourceLookup() {
    }

    /** The {@code value} of a qualifier such as {@code @DataSource("state")}, or "" when it has none. */
    private static String valueOf(Annotation qualifier) {
        try {
            Method value = qualifier.annotationType().getMethod("value");
            return value.getReturnType() == String.class ? (String) value.invoke(qualifier) : "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    /** Where the JDBC store of {@code config} finds its data source among the application's {@code beans}. */
    public static JdbcCheckpointStore.DataSourceSource of(Instance<Object> beans, StateConfig config) {
        return () -> find(beans, config.jdbc().dataSource());
    }

    /**
     * The data source named {@code name} among {@code beans}, or in JNDI.
     *
     * @throws IOException saying what was looked for and why nothing fits
     */
    static DataSource find(Instance<Object> beans, String name) throws IOException {
        Instance<DataSource> sources = beans.select(DataSource.class, Any.Literal.INSTANCE);
        if (name.isEmpty()) {
            Instance<DataSource> fallback = sources.select(Default.Literal.INSTANCE);
            if (fallback.isResolvable()) {
                return fallback.get();
            }
            throw new IOException("there is " + (fallback.isAmbiguous() ? "more than one" : "no") + " default"
                    + " DataSource bean; name the one to use in " + JdbcStoreConfig.DATASOURCE + " (a @Named bean"
                    + " or a JNDI name)");
        }
        Instance<DataSource> named = sources.select(NamedLiteral.of(name));
        if (named.isResolvable()) {
            return named.get();
        }
        for (Instance.Handle<DataSource> handle : sources.handles()) {
            if (handle.getBean().getQualifiers().stream().anyMatch(qualifier -> valueOf(qualifier).equals(name))) {
                return handle.get();
            }
        }
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource source) {
                return source;
            }
            throw new IOException("JNDI name '" + name + "' is a " + (found == null ? "null" : found.getClass()
                    .getName()) + ", not a DataSource");
        } catch (NamingException e) {
            throw new IOException("there is neither a DataSource bean @Named(\"" + name + "\") nor a JNDI name '"
                    + name + "' (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage().lines().findFirst().orElse("")) + ")", e);
        }
    }
}
