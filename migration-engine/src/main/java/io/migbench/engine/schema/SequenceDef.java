package io.migbench.engine.schema;

/**
 * A sequence: one a column default draws from (serial columns, moved past the copied maximum after the data)
 * or a standalone one (set to the source's current value).
 *
 * @param quotedName       schema-qualified, quoted
 * @param ownedBy          {@code table.column} (quoted) owning it, or {@code null}
 * @param currentValueSql  {@code SELECT setval(...)} restoring a standalone sequence's current value, or {@code null}
 */
public record SequenceDef(String quotedName, String createDdl, String ownedBy, String currentValueSql) {
}
