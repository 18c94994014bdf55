package io.migbench.engine.schema;

/** A plain index (not backing a constraint), as {@code pg_get_indexdef} writes it. */
public record IndexDef(String name, String definition) {
}
