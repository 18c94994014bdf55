package io.migbench.harness.model;

import io.migbench.harness.config.YamlEnum;

/**
 * The datasets a scenario can name. Here, below the scenario model, so a scenario is validated without
 * knowing the generators; the dataset catalog maps each name to its generator.
 */
public enum DatasetName implements YamlEnum {
    STACKOVERFLOW("stackoverflow"), TYPES("types");

    private final String yamlName;

    DatasetName(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
