package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.SequenceDef;
import io.migbench.engine.schema.TableName;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL Server sequences recreated in the target, by source schema and name (matched case-insensitively, as
 * T-SQL names are in the default collation): what {@code NEXT VALUE FOR} in a default draws from.
 */
record MigratedSequences(List<SequenceDef> definitions, Map<String, TableName> byName) {
    MigratedSequences {
        definitions = List.copyOf(definitions);
        byName = Map.copyOf(byName);
    }

    static MigratedSequences none() {
        return new MigratedSequences(List.of(), Map.of());
    }

    static String key(String schema, String name) {
        return (schema + "\u0000" + name).toLowerCase(Locale.ROOT);
    }

    /** The quoted target name, or {@code null} when that sequence is not migrated. */
    String quotedTarget(String schema, String name) {
        TableName t = byName.get(key(schema, name));
        return t == null ? null : t.quoted();
    }

    List<TableName> targetNames() {
        return List.copyOf(byName.values());
    }
}
