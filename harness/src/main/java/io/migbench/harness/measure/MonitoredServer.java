package io.migbench.harness.measure;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A server whose resources a trial measures, with a way to open a monitoring connection to the trial's database.
 *
 * @param role     "source" or "target", as the CSV columns name it
 * @param instance the running server
 * @param database opens a new connection to the database the trial reads or writes
 */
public record MonitoredServer(String role, DatabaseInstance instance, Opener database) {

    /** Opens a new connection; the caller closes it. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    boolean isPostgres() {
        return instance.engine() == DatabaseEngine.POSTGRESQL;
    }
}
