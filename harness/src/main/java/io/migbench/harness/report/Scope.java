package io.migbench.harness.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A section's template values: each list also as {@code has<Name>}, which templates test for "none" wording. */
final class Scope {
    private final Map<String, Object> values = new LinkedHashMap<>();

    Scope value(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Scope list(String name, List<?> list) {
        values.put(name, list);
        values.put("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1), !list.isEmpty());
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
