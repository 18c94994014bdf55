package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;

/** The COPY format between source and target. */
public enum CopyFormat implements YamlEnum {
    BINARY("binary"), TEXT("text");

    private final String yamlName;

    CopyFormat(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
