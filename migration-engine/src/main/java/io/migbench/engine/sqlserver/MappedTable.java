package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.schema.SequenceDef;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;

import java.util.List;

/**
 * A SQL Server table and the engine's view of it: {@code target} carries PostgreSQL names and types (what the
 * plan, the target DDL and the range predicates use), {@code source} the names to read it by.
 *
 * @param splitKey    source columns of {@code target.splitKey()}, in key order
 * @param sequences   sequences the table's columns draw from (a decimal identity), created before it
 * @param notMigrated the table's defaults, computed columns, checks, keys and indexes that are not recreated
 */
public record MappedTable(SqlServerSchema.Table source, TableDef target, List<Column> splitKey,
                          List<SequenceDef> sequences, List<NotMigrated> notMigrated) {
    public MappedTable {
        splitKey = List.copyOf(splitKey);
        sequences = List.copyOf(sequences);
        notMigrated = List.copyOf(notMigrated);
    }

    /** Whether each source column is copied (a column computed by the target is not), in column order. */
    public boolean[] copied() {
        boolean[] out = new boolean[source.columns().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = target.columns().get(i).copied();
        }
        return out;
    }
}
