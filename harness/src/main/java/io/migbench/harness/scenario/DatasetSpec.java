package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;
import io.migbench.harness.model.DatasetName;
import io.migbench.harness.config.Checks;
import io.migbench.harness.config.Suggestions;

import java.util.List;

/**
 * What the source holds: a generated dataset, or the user's own database ({@code existing}) narrowed by the
 * engine's filters.
 *
 * @param name             a {@link DatasetName} name
 * @param scale            size factor of a generator (stackoverflow: 1 ≈ 5.3M rows, 1/20 of StackOverflow2013)
 * @param seed             same seed, same data, same checksums
 * @param schemas          existing: source schemas to migrate (empty: the engine's default)
 * @param tables           existing: table globs to include (empty: all)
 * @param exclude          existing: table globs to leave out
 * @param sample           part of the source copied per trial
 * @param loadIntoExternal generator on an external source: the user allows migbench to create its tables there
 */
public record DatasetSpec(String name, double scale, long seed, List<String> schemas, List<String> tables,
                          List<String> exclude, Sample sample, boolean loadIntoExternal) {
    public static final long DEFAULT_SEED = 42;
    public static final double MAX_SCALE = 1000;

    public DatasetSpec {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        tables = tables == null ? List.of() : List.copyOf(tables);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        sample = sample == null ? Sample.ALL : sample;
        boolean known = name == null || YamlEnum.names(DatasetName.class).contains(name);
        boolean existing = DatasetName.EXISTING.yamlName().equals(name);
        String onlyExisting = "selects tables of your own database: only with dataset name existing (a generator's tables are all migrated)";
        new Checks()
                .require(name, "name")
                .check(known, "name", "unknown dataset \"" + name + "\"" + (name == null ? "" : Suggestions.didYouMean(name, YamlEnum.names(DatasetName.class)))
                        + "; one of: " + String.join(", ", YamlEnum.names(DatasetName.class)))
                .check(scale > 0 && scale <= MAX_SCALE, "scale", "must be > 0 and ≤ " + (int) MAX_SCALE + ", got " + scale)
                .check(existing || schemas.isEmpty(), "schema", onlyExisting)
                .check(existing || tables.isEmpty(), "tables", onlyExisting)
                .check(existing || exclude.isEmpty(), "exclude", onlyExisting)
                .check(!existing || !loadIntoExternal, "load_into_external", "existing data is never loaded: it is already there")
                .throwIfAny();
    }

    /** A generated dataset, whole, not loaded into an external source. */
    public static DatasetSpec generated(String name, double scale, long seed) {
        return new DatasetSpec(name, scale, seed, List.of(), List.of(), List.of(), Sample.ALL, false);
    }

    /** Whether the source is the user's own database, read as it is. */
    public boolean existing() {
        return DatasetName.EXISTING.yamlName().equals(name);
    }
}
