package io.migbench.harness.db;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.db.docker.DockerBackend;
import io.migbench.harness.db.embedded.EmbeddedPostgresBackend;
import io.migbench.harness.db.external.ExternalBackend;
import io.migbench.harness.db.external.ExternalServer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Chooses a backend by the name written in scenario files. */
public final class Backends {
    public static final String DEFAULT = "embedded";
    public static final List<String> NAMES = List.of("embedded", "docker", "external");

    private Backends() {}

    /**
     * @param name     "embedded" (default when null), "docker" or "external"
     * @param external servers by instance name, required for "external"
     */
    public static DatabaseBackend named(String name, Map<String, ExternalServer> external) {
        String n = name == null ? DEFAULT : name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "embedded":
                return new EmbeddedPostgresBackend();
            case "docker":
                return new DockerBackend();
            case "external":
                if (external == null || external.isEmpty()) {
                    throw new ConfigurationException("backend", "backend: external needs a server (url, user, passwordEnv) per instance");
                }
                return new ExternalBackend(external);
            default:
                throw new ConfigurationException("backend", "backend: unknown \"" + name + "\" (use one of " + NAMES + ")");
        }
    }
}
