package io.migbench.harness.model;

import io.migbench.harness.config.YamlEnum;

import java.util.EnumSet;
import java.util.Set;

/**
 * The migration engines a sweep can compare on the same databases: migbench itself and external
 * baselines, which honour only some of the knobs and read only some source engines. The same name is
 * the engine's code in the results CSVs.
 */
public enum EngineKind implements YamlEnum, CsvCode {
    MIGBENCH("migbench", EnumSet.allOf(Knob.class), EnumSet.allOf(SourceEngine.class), false),
    /** Parallel {@code psql COPY … TO STDOUT | psql COPY … FROM STDIN}: the physical-limit line. */
    PSQL_PIPE("psql-pipe", EnumSet.of(Knob.TASKS, Knob.COPY_FORMAT), EnumSet.of(SourceEngine.POSTGRESQL), true),
    PGCOPYDB("pgcopydb", EnumSet.of(Knob.TASKS, Knob.INDEX_TASKS), EnumSet.of(SourceEngine.POSTGRESQL), false),
    PG_DUMP_RESTORE("pg_dump-restore", EnumSet.of(Knob.TASKS), EnumSet.of(SourceEngine.POSTGRESQL), false),
    /** Parallel {@code freebcp … out} of every table (FreeTDS), writing nothing: the source-read limit line. */
    FREEBCP_OUT("freebcp-out", EnumSet.of(Knob.TASKS), EnumSet.of(SourceEngine.SQLSERVER), true),
    /** pgloader's SQL Server path ({@code mssql://} over FreeTDS): a peer engine for SQL Server sources. */
    PGLOADER("pgloader", EnumSet.of(Knob.TASKS), EnumSet.of(SourceEngine.SQLSERVER), false);

    private final String yamlName;
    private final Set<Knob> knobs;
    private final Set<SourceEngine> sources;
    private final boolean limitLine;

    EngineKind(String yamlName, Set<Knob> knobs, Set<SourceEngine> sources, boolean limitLine) {
        this.yamlName = yamlName;
        this.knobs = knobs;
        this.sources = sources;
        this.limitLine = limitLine;
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
        return sources.contains(source);
    }

    /**
     * Whether this is the physical-limit line of its source engine (no engine can beat it there): the report shows
     * every engine as a ratio of it.
     */
    public boolean limitLine() {
        return limitLine;
    }
}
