package io.migbench.harness.model;

import io.migbench.harness.config.YamlEnum;

/**
 * The datasets a scenario can name. Here, below the scenario model, so a scenario is validated without
 * knowing the generators; the dataset catalog maps each name to its generator.
 */
public enum DatasetName implements YamlEnum {
    STACKOVERFLOW("stackoverflow"), TYPES("types"),
    /** The user's own database, read as it is: nothing is generated, nothing is written. */
    EXISTING("existing");

    private final String yamlName;

    DatasetName(String yamlName) {
        this.yamlName = yamlName;
    }

    /** Whether migbench generates this dataset (else the source already holds the data). */
    public boolean generated() {
        return this != EXISTING;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
