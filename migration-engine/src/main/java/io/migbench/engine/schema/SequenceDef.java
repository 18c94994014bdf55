package io.migbench.engine.schema;

/**
 * A sequence a column default draws from (serial columns).
 *
 * @param quotedName schema-qualified, quoted
 * @param ownedBy    {@code table.column} (quoted) owning it, or {@code null}
 */
public record SequenceDef(String quotedName, String createDdl, String ownedBy) {
}
