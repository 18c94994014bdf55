package io.migbench.harness.sweep.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A libpq password file for a tool that connects to both sides with different credentials (pgcopydb, and the
 * pg_dump/pg_restore it starts): one PGPASSWORD cannot serve two passwords, a command line must not carry any.
 * Owner-only permissions (libpq ignores a group- or world-readable file); it lives in the run directory and goes
 * with it.
 */
final class PassFile {
    private PassFile() {}

    /** The file's path, or {@code null} when neither side has a password. */
    static Path write(String engine, Path runDir, PgEndpoint... endpoints) throws BaselineException {
        String lines = Stream.of(endpoints).map(PgEndpoint::passfileLine).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        if (lines.isEmpty()) {
            return null;
        }
        Path file = runDir.resolve("pgpass");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, lines + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException | UnsupportedOperationException e) {
            throw new BaselineException(engine, "cannot write a private password file in " + runDir + ": " + e,
                    null, null, null, Duration.ZERO, null, e);
        }
    }
}
