package io.migbench.harness.model;

import io.migbench.harness.config.YamlEnum;

/** The database engine of the migration source. */
public enum SourceEngine implements YamlEnum {
    POSTGRESQL("postgresql"), SQLSERVER("sqlserver");

    private final String yamlName;

    SourceEngine(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
