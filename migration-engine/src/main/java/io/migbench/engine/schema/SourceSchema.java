package io.migbench.engine.schema;

import java.util.List;

/** Everything discovered in the source that the target needs, in creation order. */
public record SourceSchema(List<String> schemas, List<UserTypeDef> types, List<SequenceDef> sequences,
                           List<TableDef> tables, String serverVersion) {
    public SourceSchema {
        schemas = List.copyOf(schemas);
        types = List.copyOf(types);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
    }
}
