package io.migbench.harness.sweep.baseline;

import io.migbench.harness.model.EngineKind;

import java.util.List;
import java.util.Optional;

/** The baseline engines by name, in the order a sweep runs them. */
public final class Baselines {
    private static final List<BaselineEngine> ALL = List.of(new PsqlPipe(), new Pgcopydb(), new PgDumpRestore(),
            new FreebcpOut(), new Pgloader());

    private Baselines() {}

    public static List<BaselineEngine> all() {
        return ALL;
    }

    /** The engine whose {@link BaselineEngine#name()} is {@code name}, or empty (migbench itself is no baseline). */
    public static Optional<BaselineEngine> byName(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException for {@link EngineKind#MIGBENCH}, which is not an external baseline */
    public static BaselineEngine of(EngineKind kind) {
        return byName(kind.yamlName()).orElseThrow(() -> new IllegalArgumentException(
                "engine '" + kind.yamlName() + "' is not a baseline; baselines are "
                        + ALL.stream().map(BaselineEngine::name).toList()));
    }
}
