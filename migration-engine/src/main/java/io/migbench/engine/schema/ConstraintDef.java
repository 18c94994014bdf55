package io.migbench.engine.schema;

/**
 * A constraint built after the data.
 *
 * @param definition text from {@code pg_get_constraintdef}
 * @param indexName  name of that index (may differ from the constraint's), or {@code null}
 * @param indexDef   {@code CREATE UNIQUE INDEX} of a primary key or unique constraint that can be built
 *                   first and attached with {@code USING INDEX} (lets several indexes of one table build
 *                   at once), or {@code null}
 */
public record ConstraintDef(String name, Kind kind, String definition, String indexName, String indexDef) {
    /** {@code CHECK} here is a NOT VALID check (valid ones are created with the table). */
    public enum Kind { PRIMARY_KEY, UNIQUE, EXCLUSION, CHECK, FOREIGN_KEY }

    /** This constraint added {@code NOT VALID}: enforced on new rows, the existing ones not checked. */
    public ConstraintDef notValid() {
        return definition.endsWith(" NOT VALID") ? this
                : new ConstraintDef(name, kind, definition + " NOT VALID", indexName, indexDef);
    }
}
