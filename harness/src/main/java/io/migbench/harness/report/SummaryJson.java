package io.migbench.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code summary.json}: a {@link RunSummary} as JSON, snake_case keys, in the order docs/summary-json.md lists them. */
public final class SummaryJson {
    public static final String FILE = "summary.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SummaryJson() {}

    public static String toJson(RunSummary summary) {
        try {
            return JSON.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render summary.json", e);
        }
    }

    /** Writes {@code dir/summary.json}, replacing it, and returns its path. */
    public static Path write(RunSummary summary, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(FILE), toJson(summary), StandardCharsets.UTF_8);
    }
}
