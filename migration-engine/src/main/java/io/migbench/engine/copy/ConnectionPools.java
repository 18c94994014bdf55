package io.migbench.engine.copy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.ConnectionSpec;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** HikariCP pools and single connections from a {@link ConnectionSpec}; credentials go only to the driver. */
public final class ConnectionPools {
    private ConnectionPools() {}

    /**
     * @param initSql run once on every new connection, or {@code null}
     */
    public static HikariDataSource pool(ConnectionSpec spec, String name, int size, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(spec.jdbcUrl());
        if (spec.user() != null) {
            config.setUsername(spec.user());
        }
        if (spec.password() != null) {
            config.setPassword(spec.password());
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        // COPY streams of big partitions run long; a lifetime rotation must not hit a connection mid-copy
        config.setMaxLifetime(0);
        // a server that is down fails a waiting task after 30 s instead of a minute (each retry waits this long)
        config.setConnectionTimeout(30_000);
        // a peer host that vanished is noticed by the OS instead of leaving an idle connection open forever
        config.addDataSourceProperty("tcpKeepAlive", "true");
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(config);
    }

    public static Connection open(ConnectionSpec spec) throws SQLException {
        Properties props = new Properties();
        if (spec.user() != null) {
            props.setProperty("user", spec.user());
        }
        if (spec.password() != null) {
            props.setProperty("password", spec.password());
        }
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(spec.jdbcUrl(), props);
    }
}
