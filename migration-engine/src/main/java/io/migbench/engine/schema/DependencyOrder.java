package io.migbench.engine.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders objects so each comes after the ones it depends on; otherwise the discovery order is kept. */
final class DependencyOrder {
    private DependencyOrder() {}

    /**
     * @param items     by id, in discovery order
     * @param dependsOn ids each item needs first (ids outside {@code items} are ignored)
     * @throws IllegalStateException on a cycle (PostgreSQL itself does not allow one among these objects)
     */
    static <T> List<T> of(Map<Long, T> items, Map<Long, Set<Long>> dependsOn) {
        List<T> out = new ArrayList<>(items.size());
        Map<Long, Boolean> state = new LinkedHashMap<>(); // false: on the current path, true: placed
        for (Long id : items.keySet()) {
            visit(id, items, dependsOn, state, out);
        }
        return out;
    }

    private static <T> void visit(Long id, Map<Long, T> items, Map<Long, Set<Long>> dependsOn,
                                  Map<Long, Boolean> state, List<T> out) {
        Boolean s = state.get(id);
        if (Boolean.TRUE.equals(s)) {
            return;
        }
        if (Boolean.FALSE.equals(s)) {
            throw new IllegalStateException("dependency cycle through " + items.get(id));
        }
        state.put(id, false);
        for (Long dep : dependsOn.getOrDefault(id, Set.of())) {
            if (items.containsKey(dep) && !dep.equals(id)) {
                visit(dep, items, dependsOn, state, out);
            }
        }
        state.put(id, true);
        out.add(items.get(id));
    }
}
