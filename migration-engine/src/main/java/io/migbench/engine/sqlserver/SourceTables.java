package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.TableName;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tables discovery mapped, by target name: how the sampler and the range reads find the source names. */
final class SourceTables {
    private final Map<TableName, MappedTable> byTarget = new ConcurrentHashMap<>();

    void register(List<MappedTable> tables) {
        byTarget.clear();
        tables.forEach(t -> byTarget.put(t.target().name(), t));
    }

    MappedTable get(TableName target) {
        MappedTable t = byTarget.get(target);
        if (t == null) {
            throw new IllegalStateException("table " + target + " was not discovered in the SQL Server source");
        }
        return t;
    }
}
