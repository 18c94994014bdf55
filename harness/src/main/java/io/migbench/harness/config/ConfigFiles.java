package io.migbench.harness.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a configuration file (a scenario, a tuned.yaml) into its located YAML tree: I/O failures, syntax errors
 * and duplicate keys become configuration problems that name the file and the line.
 */
public final class ConfigFiles {
    private ConfigFiles() {}

    /** The file's text. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw problem(file, "no such file (working directory " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + e);
        }
    }

    /** The root of {@code text}'s YAML tree, problems reported against {@code problems}' file, all at once. */
    public static YamlNode parse(String text, Problems problems) {
        YamlNode root = YamlTreeReader.read(text, problems);
        problems.throwIfAny();
        return root;
    }

    private static ConfigFileException problem(Path file, String message) {
        return new ConfigFileException(List.of(new ConfigProblem(file.toString(), 0, "", message)));
    }
}
