package io.migbench.harness.results;

import java.util.LinkedHashMap;
import java.util.Map;

/** The target_settings column: "name=value" items, ';'-separated (older runs: space-separated), back to a map. */
public final class TargetSettings {
    private TargetSettings() {}

    public static Map<String, String> parse(String column) {
        Map<String, String> out = new LinkedHashMap<>();
        if (column == null || column.isBlank()) {
            return out;
        }
        // split before every "name=" so a value with spaces (DateStyle=ISO, MDY) stays whole
        for (String item : column.trim().split("[;\\s]+(?=[A-Za-z_][A-Za-z0-9_.]*=)")) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                out.put(item.substring(0, eq).trim(), item.substring(eq + 1).replaceAll(";$", "").trim());
            }
        }
        return out;
    }
}
