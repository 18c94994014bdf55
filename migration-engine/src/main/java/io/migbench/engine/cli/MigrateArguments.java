package io.migbench.engine.cli;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.EngineOption;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.RunPhase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code migrate} command line that runs given {@link MigrationOptions} in another process (a copy worker of a
 * sweep trial, a Kubernetes or Spark task): {@code java -cp <classpath> io.migbench.engine.cli.EngineMain <these>}.
 * Every option the phase takes is spelled out, so the process invokes exactly what the plan recorded. Passwords
 * never appear: the process reads them from the environment variables named here, which the caller sets.
 */
public final class MigrateArguments {
    private MigrateArguments() {}

    /**
     * @param sourcePasswordEnv the variable holding the source password (used only when the options have one)
     * @param targetPasswordEnv the same for the target
     */
    public static List<String> of(MigrationOptions o, String sourcePasswordEnv, String targetPasswordEnv) {
        List<String> a = new ArrayList<>();
        add(a, EngineOption.PHASE, name(o.phase()));
        if (o.source() != null) {
            connection(a, EngineOption.SOURCE, "--source-user", "--source-password-env", o.source(), sourcePasswordEnv);
        }
        connection(a, EngineOption.TARGET, "--target-user", "--target-password-env", o.target(), targetPasswordEnv);
        if (o.phase() == RunPhase.STATUS) {
            return a;
        }
        add(a, EngineOption.SCHEMAS, String.join(",", o.schemas()));
        if (!o.includeTables().isEmpty()) {
            add(a, EngineOption.TABLES, String.join(",", o.includeTables()));
        }
        if (!o.excludeTables().isEmpty()) {
            add(a, EngineOption.EXCLUDE, String.join(",", o.excludeTables()));
        }
        add(a, EngineOption.TASKS, Integer.toString(o.tasks()));
        if (o.partitionsGiven() != null) {
            add(a, EngineOption.PARTITIONS, o.partitionsGiven().toString());
        }
        add(a, EngineOption.PARTITION_THRESHOLD_ROWS, Long.toString(o.partitionThresholdRows()));
        add(a, EngineOption.SPLIT, name(o.split()));
        add(a, EngineOption.COPY_FORMAT, name(o.copyFormat()));
        add(a, EngineOption.VERIFY, name(o.verify()));
        add(a, EngineOption.MODE, name(o.mode()));
        flag(a, EngineOption.UNLOGGED, o.unloggedLoad());
        add(a, EngineOption.SAMPLE_FRACTION, Double.toString(o.sampleFraction()));
        add(a, EngineOption.SOCKET_TIMEOUT, Long.toString(seconds(o.socketTimeout())));
        add(a, EngineOption.COPY_ATTEMPTS, Integer.toString(o.copyAttempts()));
        if (o.sqlServerSource()) {
            o.typeOverrideEntries().forEach(t -> add(a, EngineOption.TYPE_OVERRIDE, t));
            add(a, EngineOption.SOURCE_ISOLATION, name(o.sourceIsolation()));
            add(a, EngineOption.IDENTIFIER_CASE, name(o.identifierCase()));
            if (o.nulReplacement() != null) {
                add(a, EngineOption.NUL_REPLACEMENT, o.nulReplacement());
            }
        }
        switch (o.phase()) {
            case ALL -> {
                finalizing(a, o);
                flag(a, EngineOption.RESUME, o.resume());
            }
            case PLAN -> flag(a, EngineOption.HOLD_SNAPSHOT, o.holdSnapshot());
            case COPY -> {
                add(a, EngineOption.WORKER_ID, o.workerId());
                add(a, EngineOption.LEASE, Long.toString(seconds(o.lease())));
            }
            case FINALIZE -> finalizing(a, o);
            default -> throw new IllegalStateException("no arguments for phase " + o.phase());
        }
        flag(a, EngineOption.SOURCE_QUIESCED, o.sourceQuiesced());
        return a;
    }

    private static void finalizing(List<String> a, MigrationOptions o) {
        add(a, EngineOption.INDEX_TASKS, Integer.toString(o.indexTasks()));
        if (o.indexMemory() != null) {
            add(a, EngineOption.INDEX_MEMORY, o.indexMemory());
        }
    }

    private static void connection(List<String> a, EngineOption url, String user, String passwordEnv, ConnectionSpec spec,
                                   String variable) {
        add(a, url, spec.jdbcUrl());
        if (spec.user() != null) {
            a.add(user + "=" + spec.user());
        }
        if (spec.password() != null) {
            a.add(passwordEnv + "=" + variable);
        }
    }

    private static void add(List<String> a, EngineOption option, String value) {
        a.add(option.flag() + "=" + value);
    }

    private static void flag(List<String> a, EngineOption option, boolean on) {
        if (on) {
            a.add(option.flag());
        }
    }

    private static long seconds(java.time.Duration d) {
        return d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
