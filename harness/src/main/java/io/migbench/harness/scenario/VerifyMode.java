package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;

/** What each trial verifies after the copy: exact row counts, or counts plus row checksums. */
public enum VerifyMode implements YamlEnum {
    COUNT("count"), CHECKSUM("checksum");

    private final String yamlName;

    VerifyMode(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
