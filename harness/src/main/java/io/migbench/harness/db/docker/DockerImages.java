package io.migbench.harness.db.docker;

import java.util.Locale;
import java.util.Map;

/**
 * Pinned image names and the environment variables that override them, in one place.
 * <ul>
 *   <li>{@code MIGBENCH_PG_IMAGE}: PostgreSQL image (default {@value #POSTGRES})</li>
 *   <li>{@code MIGBENCH_PG_IMAGE_KIND}: {@code official} (has the docker-entrypoint of the Docker Hub image) or
 *       {@code bare} (only the server binaries on the PATH, e.g. Debian's packages); default: bare for
 *       {@code migbench-local/*} images, official otherwise</li>
 *   <li>{@code MIGBENCH_MSSQL_IMAGE}: SQL Server image (default {@value #SQLSERVER})</li>
 *   <li>{@code MIGBENCH_DOCKER_PLATFORM}: image platform, e.g. {@code linux/amd64} (x86 emulation on ARM)</li>
 *   <li>{@code MIGBENCH_DOCKER_NETWORK}: {@code bridge} (default) or {@code host}</li>
 * </ul>
 */
public final class DockerImages {
    public static final String POSTGRES = "postgres:16-alpine";
    public static final String SQLSERVER = "mcr.microsoft.com/mssql/server:2022-latest";
    /** Images built by docker-local/setup.sh from Debian packages: no entrypoint. */
    public static final String LOCAL_PREFIX = "migbench-local/";

    /** How a PostgreSQL image expects to be started. */
    public enum PostgresKind {
        /** The Docker Hub image: its entrypoint runs initdb from POSTGRES_* variables. */
        OFFICIAL,
        /** Server binaries only: we run initdb ourselves before the server. */
        BARE
    }

    /**
     * Docker settings in effect.
     *
     * @param postgresImage  PostgreSQL image
     * @param postgresKind   how that image starts
     * @param sqlServerImage SQL Server image
     * @param platform       image platform, null for the engine's default
     * @param hostNetwork    host networking instead of the default bridge
     */
    public record Settings(String postgresImage, PostgresKind postgresKind, String sqlServerImage, String platform,
                           boolean hostNetwork) {}

    private DockerImages() {}

    /** The settings from these environment variables (pass {@code System.getenv()}). */
    public static Settings fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, null, null, null);
    }

    /**
     * A scenario's choices (each {@code null} for the pinned default), overridden by the environment variables, which
     * win so that a machine without a registry can substitute its local images without editing scenarios.
     */
    public static Settings fromEnvironment(Map<String, String> env, String postgresImage, String sqlServerImage,
                                           String platform) {
        String pg = nonBlank(env.get("MIGBENCH_PG_IMAGE"), nonBlank(postgresImage, POSTGRES));
        String kindText = env.get("MIGBENCH_PG_IMAGE_KIND");
        PostgresKind kind;
        if (kindText == null || kindText.isBlank()) {
            kind = pg.startsWith(LOCAL_PREFIX) ? PostgresKind.BARE : PostgresKind.OFFICIAL;
        } else {
            try {
                kind = PostgresKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("MIGBENCH_PG_IMAGE_KIND: must be official or bare, got \"" + kindText + "\"");
            }
        }
        String network = nonBlank(env.get("MIGBENCH_DOCKER_NETWORK"), "bridge").strip().toLowerCase(Locale.ROOT);
        if (!network.equals("bridge") && !network.equals("host")) {
            throw new IllegalArgumentException("MIGBENCH_DOCKER_NETWORK: must be bridge or host, got \"" + network + "\"");
        }
        String imagePlatform = nonBlank(env.get("MIGBENCH_DOCKER_PLATFORM"), platform);
        return new Settings(pg, kind, nonBlank(env.get("MIGBENCH_MSSQL_IMAGE"), nonBlank(sqlServerImage, SQLSERVER)),
                imagePlatform, network.equals("host"));
    }

    /** {@code value}, or {@code fallback} when it is null or blank. */
    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
