package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;
import io.migbench.harness.model.DatasetName;
import io.migbench.harness.config.Checks;
import io.migbench.harness.config.Suggestions;

/**
 * Which dataset to generate in the source.
 *
 * @param name  a {@link DatasetName} name
 * @param scale size factor (stackoverflow: 1 ≈ 5.3M rows, 1/20 of StackOverflow2013)
 * @param seed  same seed, same data, same checksums
 */
public record DatasetSpec(String name, double scale, long seed) {
    public static final long DEFAULT_SEED = 42;
    public static final double MAX_SCALE = 1000;

    public DatasetSpec {
        new Checks()
                .require(name, "name")
                .check(name == null || YamlEnum.names(DatasetName.class).contains(name), "name",
                        "unknown dataset \"" + name + "\"" + (name == null ? "" : Suggestions.didYouMean(name, YamlEnum.names(DatasetName.class)))
                                + "; one of: " + String.join(", ", YamlEnum.names(DatasetName.class)))
                .check(scale > 0 && scale <= MAX_SCALE, "scale", "must be > 0 and ≤ " + (int) MAX_SCALE + ", got " + scale)
                .throwIfAny();
    }
}
