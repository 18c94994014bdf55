package io.migbench.harness.scenario;

import io.migbench.harness.config.Checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the databases run.
 *
 * @param type             embedded (default), docker or external
 * @param postgresVersion  PostgreSQL major version for docker images ({@code null}: the backend's default);
 *                         the embedded backend runs the binaries pinned in the build
 * @param images           container images by engine ({@code postgresql}, {@code sqlserver}), docker only
 * @param platform         container image platform, e.g. {@code linux/amd64}, docker only
 * @param source           the existing source server, external only
 * @param target           the existing target server, external only
 */
public record BackendSpec(
        BackendType type,
        String postgresVersion,
        Map<String, String> images,
        String platform,
        Endpoint source,
        Endpoint target) {

    public static final Set<String> IMAGE_KEYS = Set.of("postgresql", "sqlserver");
    public static final BackendSpec EMBEDDED = new BackendSpec(BackendType.EMBEDDED, null, Map.of(), null, null, null);

    public BackendSpec {
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images == null ? Map.of() : images));
        boolean external = type == BackendType.EXTERNAL;
        boolean docker = type == BackendType.DOCKER;
        Checks c = new Checks()
                .require(type, "type")
                .check(postgresVersion == null || postgresVersion.matches("\\d+(\\.\\d+)?"), "postgres_version",
                        "must be a version like 16 or 16.4, got \"" + postgresVersion + "\"")
                .check(!external || source != null, "source", "is required for the external backend (url, user, password_env)")
                .check(!external || target != null, "target", "is required for the external backend (url, user, password_env)")
                .check(external || source == null, "source", "only the external backend takes server URLs")
                .check(external || target == null, "target", "only the external backend takes server URLs")
                .check(docker || images.isEmpty(), "images", "only the docker backend uses images")
                .check(docker || platform == null, "platform", "only the docker backend uses an image platform");
        for (String key : images.keySet()) {
            c.check(IMAGE_KEYS.contains(key), "images." + key, "unknown engine; use postgresql or sqlserver");
        }
        c.check(target == null || target.url() == null || target.url().startsWith("jdbc:postgresql:"), "target.url",
                "the target must be PostgreSQL (jdbc:postgresql://…)");
        c.throwIfAny();
    }
}
