package io.migbench.harness.sweep.baseline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/** A run's own scratch directory under the work directory, removed with everything in it when the run ends. */
final class RunDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    static RunDirectory create(String engine, Path workDir) throws BaselineException {
        try {
            Files.createDirectories(workDir);
            return new RunDirectory(Files.createTempDirectory(workDir, engine + "-"));
        } catch (IOException e) {
            throw new BaselineException(engine, "cannot create a run directory under " + workDir + ": " + e,
                    null, null, null, Duration.ZERO, null, e);
        }
    }

    Path path() {
        return path;
    }

    /** Bytes of the regular files under {@code dir} (pg_dump's data files). */
    static long size(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove baseline run directory {}: {}", path, e.toString());
        }
    }
}
