package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.TableDef;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;

import java.util.List;

/**
 * A SQL Server table and the engine's view of it: {@code target} carries PostgreSQL names and types (what the
 * plan, the target DDL and the range predicates use), {@code source} the names to read it by.
 *
 * @param splitKey source columns of {@code target.splitKey()}, in key order
 */
public record MappedTable(SqlServerSchema.Table source, TableDef target, List<Column> splitKey) {
    public MappedTable {
        splitKey = List.copyOf(splitKey);
    }
}
