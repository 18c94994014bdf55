package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;

/** Whether migbench may change the server settings of an external server. */
public enum ApplySettings implements YamlEnum {
    /** A profile's settings for this server are an error: migbench cannot apply them. */
    REFUSE("refuse"),
    /** {@code ALTER SYSTEM SET} each setting, then {@code pg_reload_conf()}; settings needing a restart are an error. */
    RELOAD("reload");

    private final String yamlName;

    ApplySettings(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
