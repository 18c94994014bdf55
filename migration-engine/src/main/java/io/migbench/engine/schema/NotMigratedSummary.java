package io.migbench.engine.schema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one line naming what was left out: {@code not migrated: 2 functions (public.f(), public.g()), 1 trigger (...)}. */
public final class NotMigratedSummary {
    private NotMigratedSummary() {}

    /** The line, or {@code null} when everything was migrated. */
    public static String line(List<NotMigrated> objects) {
        if (objects.isEmpty()) {
            return null;
        }
        Map<NotMigrated.Kind, List<NotMigrated>> byKind = new EnumMap<>(NotMigrated.Kind.class);
        for (NotMigrated o : objects) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        }
        return "not migrated: " + byKind.entrySet().stream()
                .map(e -> e.getValue().size() + " " + e.getKey().words(e.getValue().size()) + " ("
                        + e.getValue().stream().map(NotMigrated::describe).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }
}
