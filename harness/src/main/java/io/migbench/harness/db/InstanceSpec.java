package io.migbench.harness.db;

import io.migbench.harness.model.ResourceLimits;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What to start: one database instance of a platform profile.
 *
 * @param name           role of the instance ("source", "target"); used in directory and cgroup names
 * @param engine         database engine
 * @param limits         resource limits ({@link ResourceLimits#NONE} for none)
 * @param serverSettings server settings by name (e.g. shared_buffers=1GB, synchronous_commit=off)
 * @param runDirectory   folder under which the instance keeps its data and socket directories
 */
public record InstanceSpec(
        String name,
        DatabaseEngine engine,
        ResourceLimits limits,
        Map<String, String> serverSettings,
        Path runDirectory) {

    /** Settings the backends choose themselves, so that instances never collide. */
    public static final Set<String> RESERVED_SETTINGS =
            Set.of("port", "listen_addresses", "unix_socket_directories", "data_directory");

    public InstanceSpec {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("name: must be 1-40 letters, digits, '_' or '-', got \"" + name + "\"");
        }
        if (engine == null) {
            throw new IllegalArgumentException("engine: required (postgresql or sqlserver) for instance " + name);
        }
        if (runDirectory == null) {
            throw new IllegalArgumentException("runDirectory: required for instance " + name);
        }
        limits = limits == null ? ResourceLimits.NONE : limits;
        Map<String, String> settings = new LinkedHashMap<>();
        if (serverSettings != null) {
            serverSettings.forEach((k, v) -> settings.put(checkSetting(name, k, v), v));
        }
        serverSettings = Collections.unmodifiableMap(settings);
        runDirectory = runDirectory.toAbsolutePath().normalize();
    }

    /** A spec without limits or settings, handy for tests and external servers. */
    public static InstanceSpec of(String name, DatabaseEngine engine, Path runDirectory) {
        return new InstanceSpec(name, engine, ResourceLimits.NONE, Map.of(), runDirectory);
    }

    public InstanceSpec withLimits(ResourceLimits newLimits) {
        return new InstanceSpec(name, engine, newLimits, serverSettings, runDirectory);
    }

    public InstanceSpec withSetting(String key, String value) {
        Map<String, String> settings = new LinkedHashMap<>(serverSettings);
        settings.put(key, value);
        return new InstanceSpec(name, engine, limits, settings, runDirectory);
    }

    private static String checkSetting(String instance, String key, String value) {
        String field = "serverSettings." + key;
        if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("serverSettings: \"" + key + "\" is not a setting name (instance "
                    + instance + ")");
        }
        if (RESERVED_SETTINGS.contains(key.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(field + ": chosen by migbench so instances never collide (instance "
                    + instance + ")");
        }
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException(field + ": needs a one-line, non-empty value (instance " + instance + ")");
        }
        return key;
    }
}
