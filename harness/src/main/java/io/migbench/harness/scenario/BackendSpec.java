package io.migbench.harness.scenario;

import io.migbench.harness.config.Checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the databases run. Each side has its own backend: {@code type} is the default, and a side's own
 * {@code type} overrides it (an external source read into an embedded target is the common case).
 *
 * @param type             default backend of both sides: embedded (default), docker or external
 * @param postgresVersion  PostgreSQL major version for docker images ({@code null}: the backend's default);
 *                         the embedded backend runs the binaries pinned in the build
 * @param images           container images by engine ({@code postgresql}, {@code sqlserver}), docker only
 * @param platform         container image platform, e.g. {@code linux/amd64}, docker only
 * @param source           the source side: its own type and, when external, its server
 * @param target           the target side: its own type and, when external, its server
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
        Checks c = new Checks()
                .require(type, "type")
                .check(postgresVersion == null || postgresVersion.matches("\\d+(\\.\\d+)?"), "postgres_version",
                        "must be a version like 16 or 16.4, got \"" + postgresVersion + "\"");
        if (type != null) {
            checkSide(c, "source", sideType(type, source), source);
            checkSide(c, "target", sideType(type, target), target);
            boolean docker = sideType(type, source) == BackendType.DOCKER || sideType(type, target) == BackendType.DOCKER;
            c.check(docker || images.isEmpty(), "images", "only the docker backend uses images")
                    .check(docker || platform == null, "platform", "only the docker backend uses an image platform");
        }
        for (String key : images.keySet()) {
            c.check(IMAGE_KEYS.contains(key), "images." + key, "unknown engine; use postgresql or sqlserver");
        }
        c.check(target == null || target.url() == null || target.url().startsWith("jdbc:postgresql:"), "target.url",
                "the target must be PostgreSQL (jdbc:postgresql://…)");
        c.throwIfAny();
    }

    private static void checkSide(Checks c, String side, BackendType sideType, Endpoint e) {
        boolean external = sideType == BackendType.EXTERNAL;
        c.check(!external || (e != null && e.url() != null), side + (e == null ? "" : ".url"),
                "is required for an external " + side + " (url, user, password_env)");
        c.check(!external || e == null || e.user() != null, side + ".user", "is required for an external " + side);
        c.check(!external || e == null || e.passwordEnv() != null, side + ".password_env",
                "is required for an external " + side + ": the name of the environment variable holding its password");
        c.check(external || e == null || !e.namesServer(), side, "only an external " + side
                + " takes a server (url, user, password_env); set " + side + ".type: external");
        c.check(external || e == null || e.applySettings() == ApplySettings.REFUSE, side + ".apply_settings",
                "only for an external server: migbench applies a profile's settings itself on the servers it starts");
        c.check(!(e != null && e.overwrite()) || (external && "target".equals(side)), side + ".overwrite",
                "only an external target can be overwritten");
    }

    private static BackendType sideType(BackendType type, Endpoint side) {
        return side != null && side.type() != null ? side.type() : type;
    }

    public BackendType sourceType() {
        return sideType(type, source);
    }

    public BackendType targetType() {
        return sideType(type, target);
    }

    /** The backend as trials.csv records it: {@code embedded}, or {@code external+embedded} when the sides differ. */
    public String label() {
        return sourceType() == targetType() ? sourceType().yamlName() : sourceType().yamlName() + "+" + targetType().yamlName();
    }
}
