package io.migbench.harness.dataset;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the database a dataset is loaded into; the loader closes what it opens. */
@FunctionalInterface
public interface Connector {
    Connection open() throws SQLException;
}
