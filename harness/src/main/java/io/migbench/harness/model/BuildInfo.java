package io.migbench.harness.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Which migbench this is: the project version and the git commit it was built from, written into
 * {@code build.properties} by the build. A build outside a git checkout has no commit; a run from an IDE that
 * skipped resource filtering has neither, and says so rather than guessing.
 */
public record BuildInfo(String version, Optional<String> commit) {
    public static final String UNKNOWN = "unknown";
    private static final BuildInfo CURRENT = load();

    /** The running build's facts. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** The Java runtime this process runs on, e.g. {@code 17.0.15 (Debian)}. */
    public static String javaVersion() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /** One line: {@code 0.1.0-SNAPSHOT (commit 1c852e0)} or {@code 0.1.0-SNAPSHOT (commit unknown)}. */
    public String describe() {
        return version + " (commit " + commit.orElse(UNKNOWN) + ")";
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/migbench/harness/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties", e);
        }
        return new BuildInfo(filled(p.getProperty("version")).orElse(UNKNOWN), filled(p.getProperty("commit")));
    }

    /** A value the build filled in; an unfiltered {@code ${...}} placeholder or a blank is absent. */
    private static Optional<String> filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? Optional.empty() : Optional.of(value.trim());
    }
}
