package io.migbench.harness.scenario;

import io.migbench.harness.model.ResourceLimits;
import io.migbench.harness.config.Checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits and server settings of one database instance (source or target) in a platform profile.
 * Limits are validated by {@link ResourceLimits}; {@code null} means unlimited.
 *
 * @param settings PostgreSQL server settings (postgresql.conf names → values), applied at start
 */
public record InstanceProfile(
        Double cpus,
        String cpuset,
        Long memoryBytes,
        Long readBytesPerSecond,
        Long writeBytesPerSecond,
        Map<String, String> settings) {

    public static final InstanceProfile UNLIMITED = new InstanceProfile(null, null, null, null, null, Map.of());

    public InstanceProfile {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
        Checks c = new Checks();
        try {
            new ResourceLimits(cpus, cpuset, memoryBytes, readBytesPerSecond, writeBytesPerSecond);
        } catch (IllegalArgumentException e) {
            // ResourceLimits reports "field: message; field: message" with the YAML field names
            for (String problem : e.getMessage().split("; ")) {
                int colon = problem.indexOf(": ");
                c.check(false, colon > 0 ? problem.substring(0, colon) : "limits",
                        colon > 0 ? problem.substring(colon + 2) : problem);
            }
        }
        for (String name : settings.keySet()) {
            c.check(name.matches("[a-z_][a-z0-9_.]*"), "settings." + name,
                    "not a server setting name (lower-case letters, digits, _ and .)");
        }
        c.throwIfAny();
    }

    /** The same limits with {@code overrides} applied over the settings (an override wins). */
    public InstanceProfile withSettings(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.putAll(overrides);
        return new InstanceProfile(cpus, cpuset, memoryBytes, readBytesPerSecond, writeBytesPerSecond, merged);
    }

    public ResourceLimits limits() {
        return new ResourceLimits(cpus, cpuset, memoryBytes, readBytesPerSecond, writeBytesPerSecond);
    }

    public boolean hasLimits() {
        return !limits().isUnlimited();
    }
}
