package io.migbench.harness.model;

/** The engine settings a matrix can vary; each engine honours some of them (see {@link EngineKind}). */
public enum Knob {
    TASKS("tasks"),
    PARTITIONS("partitions"),
    COPY_FORMAT("copy_format"),
    SPLIT("split"),
    UNLOGGED("unlogged"),
    INDEX_TASKS("index_tasks"),
    WORKERS("workers");

    private final String yamlName;

    Knob(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The key in scenario files, settings profiles and the CSV column name. */
    public String yamlName() {
        return yamlName;
    }
}
