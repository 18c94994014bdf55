package io.migbench.harness.sweep.baseline;

import io.migbench.engine.schema.TableName;

import java.util.Objects;

/** A table a baseline copies, with the row count the source holds (what the target must hold afterwards). */
public record BaselineTable(TableName name, long sourceRows) {
    public BaselineTable {
        Objects.requireNonNull(name, "name");
        if (sourceRows < 0) {
            throw new IllegalArgumentException("baseline table " + name + ": sourceRows must not be negative, got " + sourceRows);
        }
    }
}
