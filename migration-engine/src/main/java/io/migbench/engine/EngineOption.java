package io.migbench.engine;

/**
 * The engine's options by the name users type: the {@code migrate} flag. Errors about an option name it this way,
 * never by a Java field, so the user can find what to change in their own command line.
 */
public enum EngineOption {
    SOURCE("--source"),
    TARGET("--target"),
    SCHEMAS("--schema"),
    TABLES("--tables"),
    EXCLUDE("--exclude"),
    TASKS("--tasks"),
    PARTITIONS("--partitions"),
    PARTITION_THRESHOLD_ROWS("--partition-threshold-rows"),
    SPLIT("--split"),
    COPY_FORMAT("--copy-format"),
    VERIFY("--verify"),
    MODE("--mode"),
    RESUME("--resume"),
    INDEX_TASKS("--index-tasks"),
    INDEX_MEMORY("--index-memory"),
    UNLOGGED("--unlogged"),
    TYPE_OVERRIDE("--type-override"),
    SOURCE_ISOLATION("--source-isolation"),
    IDENTIFIER_CASE("--identifier-case"),
    NUL_REPLACEMENT("--nul-replacement"),
    SOCKET_TIMEOUT("--socket-timeout"),
    COPY_ATTEMPTS("--copy-attempts"),
    SAMPLE_FRACTION("--sample-fraction"),
    PHASE("--phase"),
    WORKER_ID("--worker-id"),
    LEASE("--lease"),
    HOLD_SNAPSHOT("--hold-snapshot"),
    SOURCE_QUIESCED("--source-quiesced");

    private final String flag;

    EngineOption(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }
}
