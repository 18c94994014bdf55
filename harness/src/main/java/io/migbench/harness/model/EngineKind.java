package io.migbench.harness.model;

import io.migbench.harness.config.YamlEnum;

import java.util.EnumSet;
import java.util.Set;

/**
 * The migration engines a sweep can compare on the same databases: migbench itself and external
 * baselines, which honour only some of the knobs and copy PostgreSQL → PostgreSQL only. The same name is
 * the engine's code in the results CSVs.
 */
public enum EngineKind implements YamlEnum, CsvCode {
    MIGBENCH("migbench", EnumSet.allOf(Knob.class), true),
    /** Parallel {@code psql COPY … TO STDOUT | psql COPY … FROM STDIN}: the physical-limit line. */
    PSQL_PIPE("psql-pipe", EnumSet.of(Knob.TASKS, Knob.COPY_FORMAT), false),
    PGCOPYDB("pgcopydb", EnumSet.of(Knob.TASKS, Knob.INDEX_TASKS), false),
    PG_DUMP_RESTORE("pg_dump-restore", EnumSet.of(Knob.TASKS), false);

    private final String yamlName;
    private final Set<Knob> knobs;
    private final boolean readsSqlServer;

    EngineKind(String yamlName, Set<Knob> knobs, boolean readsSqlServer) {
        this.yamlName = yamlName;
        this.knobs = knobs;
        this.readsSqlServer = readsSqlServer;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    @Override
    public String code() {
        return yamlName;
    }

    public boolean honours(Knob knob) {
        return knobs.contains(knob);
    }

    public boolean supports(SourceEngine source) {
        return source == SourceEngine.POSTGRESQL || readsSqlServer;
    }
}
