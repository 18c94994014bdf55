package io.migbench.harness.bench;

import io.migbench.engine.ConnectionSpec;
import io.migbench.harness.db.DatabaseInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A target server of the benchmark: every measured run gets a fresh database on it, after a checkpoint. */
record BenchServer(String label, DatabaseInstance instance) {
    static final String DATABASE = "migbench_bench";

    /** Drops and recreates the bench database and checkpoints, so no run pays for the previous run's dirty pages. */
    ConnectionSpec freshDatabase() throws SQLException {
        try (Connection c = instance.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DATABASE);
            st.execute("CHECKPOINT");
        }
        return spec(DATABASE);
    }

    ConnectionSpec spec(String database) {
        return new ConnectionSpec(instance.jdbcUrl(database), instance.user(), instance.password());
    }

    /** A libpq URI for the command-line tools (no password: that travels in PGPASSWORD). */
    String libpqUri(String database) {
        String jdbc = instance.jdbcUrl(database);
        return "postgresql://" + instance.user() + "@" + jdbc.substring("jdbc:postgresql://".length());
    }
}
