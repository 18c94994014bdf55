package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;

/** Where the databases of a scenario run. */
public enum BackendType implements YamlEnum {
    EMBEDDED("embedded"), DOCKER("docker"), EXTERNAL("external");

    private final String yamlName;

    BackendType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
