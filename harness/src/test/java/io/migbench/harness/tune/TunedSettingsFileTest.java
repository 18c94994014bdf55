package io.migbench.harness.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedSettingsFileTest {

    @TempDir
    Path dir;

    private static final Instant WHEN = Instant.parse("2025-03-01T10:15:30Z");

    private static PlatformRecommendation wsl2() {
        Map<String, String> target = new LinkedHashMap<>();
        target.put("synchronous_commit", "off");
        target.put("max_wal_size", "4GB");
        target.put("checkpoint_timeout", "30min");
        return new PlatformRecommendation("wsl2", new TuningPoint(8, 16), "binary", target,
                new Provenance(WHEN, "laptop", "scenarios/stackoverflow.yaml", Verdict.NOT_DISTINGUISHABLE,
                        new PointSummary("tasks=8 partitions=16", 216541.2, 196042.0, 231870.3, 3),
                        new PointSummary("tasks=6 partitions=12", 211248.5, 200154.1, 218699.0, 3),
                        37, Duration.ofSeconds(1110), false));
    }

    private static PlatformRecommendation minimal() {
        return new PlatformRecommendation("arm-native", TuningPoint.ofTasks(64), null, Map.of(),
                new Provenance(WHEN, "mac", "scenarios/so.yaml", Verdict.INSUFFICIENT_DATA,
                        new PointSummary("tasks=64", 531000.0, null, null, 1), null, 9, Duration.ofSeconds(600), true));
    }

    @Test
    void writtenFileReadsBackToTheSameRecommendations() {
        Path file = dir.resolve("tuned.yaml");

        TunedSettingsFile.write(file, List.of(wsl2(), minimal()));
        List<PlatformRecommendation> back = TunedSettingsFile.read(file);

        assertThat(back).as("every field, in order").containsExactly(wsl2(), minimal());
        assertThat(back.get(0).targetSettings().keySet()).as("setting order kept")
                .containsExactly("synchronous_commit", "max_wal_size", "checkpoint_timeout");
        assertThat(back.get(1).settings().partitions()).as("absent partitions = engine default").isNull();
        assertThat(back.get(1).provenance().runnerUp()).isNull();
    }

    @Test
    void writtenFileIsReadableYamlWithTheDocumentedFieldNames() throws IOException {
        Path file = dir.resolve("tuned.yaml");

        TunedSettingsFile.write(file, List.of(wsl2()));
        String text = Files.readString(file);

        assertThat(text).startsWith("# Settings recommended by `migbench tune`")
                .contains("version: 1", "platforms:", "  wsl2:", "    tasks: 8", "    partitions: 16",
                        "    copy_format: binary", "verdict: not distinguishable",
                        "median_rows_per_second: 216541.2", "budget_exhausted: false")
                .as("'off' quoted, else YAML 1.1 readers see a boolean").contains("synchronous_commit: \"off\"");
    }

    @Test
    void recommendationFromATuningResultCarriesTheBestAndTheRunnerUp() {
        FakeClock clock = new FakeClock();
        SyntheticPlatform platform = new SyntheticPlatform(SyntheticPlatform.unimodal(204_000, 8, 64, 3),
                0.02, 21, clock, Duration.ofSeconds(30));
        TuningResult result = new Tuner(TuningOptions.builder().maxTasks(64).clock(clock)
                .budget(Duration.ofHours(1)).build()).tune(platform);

        PlatformRecommendation r = PlatformRecommendation.from("wsl2", result, "binary",
                Map.of("synchronous_commit", "off"), "laptop", "so.yaml", WHEN);
        Path file = dir.resolve("tuned.yaml");
        TunedSettingsFile.write(file, List.of(r));
        PlatformRecommendation back = TunedSettingsFile.read(file).get(0);

        assertThat(back.settings()).isEqualTo(result.best().get().point());
        assertThat(back.provenance().verdict()).isEqualTo(result.verdict());
        assertThat(back.provenance().best().median()).isCloseTo(result.best().get().median(), within(0.05));
        assertThat(back.provenance().runnerUp().settings()).isEqualTo(result.runnerUp().get().point().label());
        assertThat(back.provenance().trials()).isEqualTo(result.trialsRun()).isEqualTo(platform.calls.size());
        assertThat(back.provenance().elapsed()).isEqualTo(Duration.ofSeconds(30L * result.trialsRun()));
    }

    @Test
    void nothingToRecommendWhenEveryTrialFailed() {
        TuningResult allFailed = new Tuner(TuningOptions.builder().maxTasks(2).build())
                .tune((p, t) -> {
                    throw new IllegalStateException("connection refused");
                });

        assertThatThrownBy(() -> PlatformRecommendation.from("wsl2", allFailed, null, Map.of(), "h", "s", WHEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform wsl2").hasMessageContaining("no trial completed")
                .hasMessageContaining("failed");
    }

    @Test
    void handWrittenUnquotedOffStaysOff() throws IOException {
        Path file = write("""
                version: 1
                platforms:
                  wsl2:
                    tasks: 8
                    target_settings:
                      synchronous_commit: off
                      fsync: on
                      work_mem: 64MB
                    provenance: %s
                """.formatted(PROVENANCE));

        assertThat(TunedSettingsFile.read(file).get(0).targetSettings())
                .containsExactly(Map.entry("synchronous_commit", "off"), Map.entry("fsync", "on"),
                        Map.entry("work_mem", "64MB"));
    }

    private static final String PROVENANCE = "{tuned_at: 2025-03-01T10:15:30Z, host: h, scenario: s, "
            + "verdict: distinguishable, best: {settings: tasks=8, median_rows_per_second: 1000, ci_low: 900, "
            + "ci_high: 1100, trials: 3}, trials: 20, elapsed_seconds: 60, budget_exhausted: false}";

    @Test
    void badValueIsReportedWithFileLineAndField() throws IOException {
        Path file = write("""
                version: 1
                platforms:
                  wsl2:
                    tasks: eight
                    provenance: %s
                """.formatted(PROVENANCE));

        assertThatThrownBy(() -> TunedSettingsFile.read(file)).isInstanceOf(TunedSettingsFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":4: platforms.wsl2.tasks: expected an integer, got string \"eight\"");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnceLikeAScenarios() throws IOException {
        Path file = write("""
                version: 1
                platforms:
                  wsl2:
                    tasks: 0
                    copy_format: binry
                    provenance: %s
                """.formatted(PROVENANCE.replace("trials: 20", "trials: many")));

        assertThatThrownBy(() -> TunedSettingsFile.read(file)).isInstanceOf(TunedSettingsFormatException.class)
                .hasMessage(String.join("\n",
                        file + ":4: platforms.wsl2.tasks: must be ≥ 1, got 0",
                        file + ":5: platforms.wsl2.copy_format: unknown value \"binry\" (did you mean \"binary\"?); "
                                + "one of: binary, text",
                        file + ":6: platforms.wsl2.provenance.trials: expected an integer, got string \"many\""));
    }

    @Test
    void unknownFieldIsATypoNotSilentlyIgnored() throws IOException {
        Path file = write("""
                version: 1
                platforms:
                  wsl2:
                    tasks: 8
                    partition: 12
                    provenance: %s
                """.formatted(PROVENANCE));

        assertThatThrownBy(() -> TunedSettingsFile.read(file))
                .hasMessageStartingWith(file + ":5: platforms.wsl2.partition: unknown key (did you mean \"partitions\"?)");
    }

    @Test
    void poolSizeOfOlderFilesIsRejectedNotIgnored() throws IOException {
        Path file = write("""
                version: 1
                platforms:
                  wsl2:
                    tasks: 8
                    pool_size: 4
                    provenance: %s
                """.formatted(PROVENANCE));

        assertThatThrownBy(() -> TunedSettingsFile.read(file)).as("the engine has no pool size to apply it to")
                .hasMessageStartingWith(file + ":5: platforms.wsl2.pool_size: unknown key");
    }

    @Test
    void missingFieldsDuplicateKeysAndBadVerdictsAreNamed() throws IOException {
        Path missing = write("version: 1\nplatforms:\n  wsl2:\n    tasks: 8\n");
        assertThatThrownBy(() -> TunedSettingsFile.read(missing))
                .hasMessage(missing + ":4: platforms.wsl2.provenance: is required");

        Path duplicate = write("version: 1\nplatforms:\n  wsl2:\n    tasks: 8\n  wsl2:\n    tasks: 4\n");
        assertThatThrownBy(() -> TunedSettingsFile.read(duplicate))
                .hasMessage(duplicate + ":5: wsl2: duplicate key (first on line 3)");

        Path verdict = write("version: 1\nplatforms:\n  wsl2:\n    tasks: 8\n    provenance: "
                + PROVENANCE.replace("verdict: distinguishable", "verdict: sure") + "\n");
        assertThatThrownBy(() -> TunedSettingsFile.read(verdict))
                .hasMessageStartingWith(verdict + ":5: platforms.wsl2.provenance.verdict: unknown value \"sure\"")
                .hasMessageContaining("one of: distinguishable, not distinguishable, insufficient data");

        Path version = write("version: 2\nplatforms: {}\n");
        assertThatThrownBy(() -> TunedSettingsFile.read(version))
                .hasMessageStartingWith(version + ":1: version: unsupported version 2, this migbench reads 1");
    }

    @Test
    void unreadableOrMalformedFileIsAConfigurationError() throws IOException {
        Path absent = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> TunedSettingsFile.read(absent)).isInstanceOf(TunedSettingsFormatException.class)
                .hasMessageStartingWith(absent + ": no such file");

        Path broken = write("version: 1\nplatforms:\n  wsl2: [tasks: 8\n");
        assertThatThrownBy(() -> TunedSettingsFile.read(broken)).isInstanceOf(TunedSettingsFormatException.class)
                .hasMessageStartingWith(broken + ":");

        Path list = write("- tasks: 8\n");
        assertThatThrownBy(() -> TunedSettingsFile.read(list))
                .hasMessageStartingWith(list + ":1: expected a map of keys, got a list");
    }

    @Test
    void platformKeyMustBeAProfileName() throws IOException {
        Path file = write("""
                version: 1
                platforms:
                  "my laptop":
                    tasks: 8
                    provenance: %s
                """.formatted(PROVENANCE));

        assertThatThrownBy(() -> TunedSettingsFile.read(file)).isInstanceOf(TunedSettingsFormatException.class)
                .hasMessage(file + ":4: platforms.my laptop: platform: \"my laptop\" is not a valid platform profile name");
        assertThatThrownBy(() -> new PlatformRecommendation("-x", TuningPoint.ofTasks(1), null, Map.of(),
                minimal().provenance())).as("the writer's input is checked too")
                .hasMessageContaining("is not a valid platform profile name");
    }

    @Test
    void writingTheSamePlatformTwiceIsRejected() {
        assertThatThrownBy(() -> TunedSettingsFile.write(dir.resolve("t.yaml"), List.of(wsl2(), wsl2())))
                .hasMessageContaining("platform wsl2: recommended twice");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "tuned", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
