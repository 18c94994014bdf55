package io.migbench.engine.schema;

import java.sql.SQLException;
import java.util.List;

/**
 * Discovers the source tables to migrate. One implementation per source database; everything after
 * discovery (plan, copy, finalize, verify, resume) only sees the {@link SourceSchema} it returns.
 */
public interface SchemaReader {
    SourceSchema read(List<String> schemas, TableFilter filter) throws SQLException;
}
