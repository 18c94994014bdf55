package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;

/** How a big table is split into ranges: by key, by ctid block ranges, chosen per table (auto), or not at all. */
public enum SplitMode implements YamlEnum {
    AUTO("auto"), KEY("key"), CTID("ctid"), WHOLE_TABLE("whole_table");

    private final String yamlName;

    SplitMode(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
