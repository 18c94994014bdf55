package io.migbench.harness.sweep;

import io.migbench.engine.MigrationOptions;
import io.migbench.harness.scenario.DatasetSpec;

import java.util.List;

/**
 * What part of the source each migbench trial copies: the dataset's schemas and filters, the largest tables of a
 * {@code largest_tables} sample, and the sampled fraction of each big table.
 *
 * @param largestTables qualified names of the tables a {@code largest_tables} sample copies; empty: no such limit
 */
public record SourceSelection(DatasetSpec dataset, List<String> largestTables) {
    public SourceSelection {
        largestTables = List.copyOf(largestTables);
    }

    /** Sets the engine's schema, include, exclude and sample options. */
    MigrationOptions.Builder applyTo(MigrationOptions.Builder b) {
        if (!dataset.schemas().isEmpty()) {
            b.schemas(dataset.schemas());
        }
        b.includeTables(largestTables.isEmpty() ? dataset.tables() : largestTables);
        b.excludeTables(dataset.exclude());
        return b.sampleFraction(dataset.sample().fraction());
    }
}
