package io.migbench.engine;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.state.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run is, as the plan records it: the source and every option that shapes what is copied and how it is
 * finalized, as {@code --flag=value} items. Every later phase is checked against it, so a worker started with
 * another source, other filters or other settings refuses instead of copying into someone else's plan. Options of
 * one process alone (credentials, --tasks, --worker-id, --lease, --index-tasks, ...) are not part of it.
 */
final class RunIdentity {
    static final String MAY_DIFFER = "the credentials, --tasks, --index-tasks, --index-memory, --worker-id, --lease,"
            + " --socket-timeout, --copy-attempts, --source-quiesced and --progress may differ";

    private RunIdentity() {}

    static List<String> of(MigrationOptions o) {
        List<String> items = new ArrayList<>();
        values(o).forEach((option, value) -> items.add(option.flag() + "=" + value));
        return items;
    }

    /**
     * @throws OptionException naming the first option that differs (and listing the others), in one line
     */
    static void check(RunRecord recorded, MigrationOptions o) {
        Map<String, String> planned = new LinkedHashMap<>();
        for (String item : recorded.identity()) {
            int eq = item.indexOf('=');
            planned.put(item.substring(0, eq), item.substring(eq + 1));
        }
        List<String> differences = new ArrayList<>();
        EngineOption first = null;
        for (Map.Entry<EngineOption, String> e : values(o).entrySet()) {
            String was = planned.remove(e.getKey().flag());
            if (!e.getValue().equals(was)) {
                first = first == null ? e.getKey() : first;
                differences.add(e.getKey().flag() + ": planned " + shown(was) + ", given " + shown(e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : planned.entrySet()) {
            differences.add(e.getKey() + ": planned " + shown(e.getValue()) + ", not given");
        }
        if (differences.isEmpty()) {
            return;
        }
        String detail = String.join("; ", differences);
        throw new OptionException(first == null ? EngineOption.SOURCE : first, "does not match the plan recorded in"
                + " the target (run " + recorded.runId() + "): " + (first == null ? detail
                : detail.substring(first.flag().length() + 2)) + "; give every phase the same options (" + MAY_DIFFER + ")");
    }

    private static Map<EngineOption, String> values(MigrationOptions o) {
        Map<EngineOption, String> m = new LinkedHashMap<>();
        m.put(EngineOption.SOURCE, withoutPassword(o.source().jdbcUrl()));
        m.put(EngineOption.SCHEMAS, String.join(",", o.schemas()));
        m.put(EngineOption.TABLES, String.join(",", o.includeTables()));
        m.put(EngineOption.EXCLUDE, String.join(",", o.excludeTables()));
        m.put(EngineOption.SPLIT, name(o.split()));
        m.put(EngineOption.PARTITIONS, o.partitionsGiven() == null ? "default" : o.partitionsGiven().toString());
        m.put(EngineOption.PARTITION_THRESHOLD_ROWS, Long.toString(o.partitionThresholdRows()));
        m.put(EngineOption.SAMPLE_FRACTION, Double.toString(o.sampleFraction()));
        m.put(EngineOption.COPY_FORMAT, name(o.copyFormat()));
        m.put(EngineOption.MODE, name(o.mode()));
        m.put(EngineOption.UNLOGGED, Boolean.toString(o.unloggedLoad()));
        m.put(EngineOption.VERIFY, name(o.verify()));
        if (o.sqlServerSource()) {
            m.put(EngineOption.TYPE_OVERRIDE, o.typeOverrides().toString());
            m.put(EngineOption.SOURCE_ISOLATION, name(o.sourceIsolation()));
            m.put(EngineOption.IDENTIFIER_CASE, name(o.identifierCase()));
            m.put(EngineOption.NUL_REPLACEMENT, o.nulPolicy().toString());
        }
        return m;
    }

    /** The URL without its password parameter: credentials may come another way in each phase. */
    private static String withoutPassword(String jdbcUrl) {
        return Redaction.redactUrl(jdbcUrl).replaceAll("(?i)[&;]password=\\*{4}", "")
                .replaceAll("(?i)\\?password=\\*{4}&?", "?").replaceAll("\\?$", "");
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String shown(String value) {
        return value == null ? "nothing" : value.isEmpty() ? "(none)" : value;
    }
}
