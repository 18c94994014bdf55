package io.migbench.harness.scenario;

import io.migbench.harness.config.ConfigFileException;
import io.migbench.harness.config.ConfigProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a configuration file's text, turning I/O failures into configuration problems that name the file. */
final class ConfigFiles {
    private ConfigFiles() {}

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw problem(file, "no such file (working directory " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + e);
        }
    }

    private static ConfigFileException problem(Path file, String message) {
        return new ConfigFileException(List.of(new ConfigProblem(file.toString(), 0, "", message)));
    }
}
