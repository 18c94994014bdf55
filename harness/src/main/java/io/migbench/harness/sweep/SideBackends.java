package io.migbench.harness.sweep;

import io.migbench.harness.db.Backends;
import io.migbench.harness.db.DatabaseBackend;
import io.migbench.harness.db.docker.DockerBackend;
import io.migbench.harness.db.docker.DockerImages;
import io.migbench.harness.db.external.ExternalServer;
import io.migbench.harness.scenario.ApplySettings;
import io.migbench.harness.scenario.BackendSpec;
import io.migbench.harness.scenario.BackendType;
import io.migbench.harness.scenario.Endpoint;

import java.util.Map;

/** The backend of each side: an external source read into an embedded target is the common case. */
public record SideBackends(DatabaseBackend source, DatabaseBackend target) {

    public static SideBackends of(BackendSpec spec) {
        return new SideBackends(backend(spec, spec.sourceType(), "source", spec.source()),
                backend(spec, spec.targetType(), "target", spec.target()));
    }

    private static DatabaseBackend backend(BackendSpec spec, BackendType type, String side, Endpoint endpoint) {
        return switch (type) {
            case EMBEDDED -> Backends.named(Backends.DEFAULT, Map.of());
            case DOCKER -> {
                String postgres = spec.images().getOrDefault("postgresql",
                        spec.postgresVersion() == null ? null : "postgres:" + spec.postgresVersion() + "-alpine");
                yield new DockerBackend(DockerImages.fromEnvironment(System.getenv(), postgres,
                        spec.images().get("sqlserver"), spec.platform()));
            }
            case EXTERNAL -> Backends.named("external", Map.of(side, new ExternalServer(endpoint.url(), endpoint.user(),
                    endpoint.passwordEnv(), endpoint.applySettings() == ApplySettings.RELOAD)));
        };
    }
}
