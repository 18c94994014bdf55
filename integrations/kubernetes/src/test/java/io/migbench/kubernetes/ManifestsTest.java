package io.migbench.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migbench.engine.cli.EngineMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manifests in this directory: kubectl accepts each of them, and our own reading of them holds what a run needs
 * (every container gets the worker id, the Secret, the jar; every command line is one the engine parses).
 */
class ManifestsTest {
    private static final Path DIRECTORY = Path.of("").toAbsolutePath();
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, JsonNode> JOBS = new LinkedHashMap<>();
    private static JsonNode secret;
    private static JsonNode arguments;

    @BeforeAll
    static void read() throws IOException {
        for (String phase : List.of("plan", "copy", "finalize")) {
            JOBS.put(phase, YAML.readTree(DIRECTORY.resolve(phase + "-job.yaml").toFile()));
        }
        secret = YAML.readTree(DIRECTORY.resolve("secret.example.yaml").toFile());
        arguments = YAML.readTree(DIRECTORY.resolve("migrate-args.yaml").toFile());
    }

    @Test
    void everyManifestPassesKubectlClientDryRun(@TempDir Path scratch) throws Exception {
        Path kubectl = kubectl();
        List<Path> manifests = manifests();
        assertThat(manifests).as("manifests").hasSize(5);
        try (DiscoveryStub stub = new DiscoveryStub()) {
            Path kubeconfig = stub.writeKubeconfig(scratch);
            for (Path manifest : manifests) {
                Result r = run(kubeconfig, kubectl, manifest);
                assertThat(r.exitCode()).as("kubectl apply --dry-run=client of %s:%n%s", manifest.getFileName(), r.output())
                        .isZero();
                assertThat(r.output()).as(manifest.getFileName().toString()).contains("created (dry run)");
            }
        }
    }

    @Test
    void kubectlDryRunRefusesAKindTheServerDoesNotHave(@TempDir Path scratch) throws Exception {
        Path kubectl = kubectl();
        Path misspelt = Files.writeString(scratch.resolve("copy-job.yaml"),
                Files.readString(DIRECTORY.resolve("copy-job.yaml")).replace("kind: Job", "kind: Jobs"));
        try (DiscoveryStub stub = new DiscoveryStub()) {
            Result r = run(stub.writeKubeconfig(scratch), kubectl, misspelt);
            assertThat(r.exitCode()).as("the dry run can fail: %s", r.output()).isNotZero();
            assertThat(r.output()).contains("no matches for kind \"Jobs\"");
        }
    }

    @Test
    void everyContainerGetsBothPasswordsFromTheSecret() {
        String secretName = secret.at("/metadata/name").asText();
        JOBS.forEach((phase, job) -> containers(job).forEach(container -> {
            for (String variable : List.of("SOURCE_PASSWORD", "TARGET_PASSWORD")) {
                JsonNode ref = env(container, variable).path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText()).as("%s job: %s from the Secret", phase, variable)
                        .isEqualTo(secretName);
                assertThat(secret.path("stringData").has(ref.path("key").asText()))
                        .as("%s job: key %s is in the Secret", phase, ref.path("key").asText()).isTrue();
            }
        }));
        String shared = arguments.at("/data/migrate.args").asText();
        assertThat(shared).as("the shared arguments name the variables, not the passwords")
                .contains("--source-password-env SOURCE_PASSWORD", "--target-password-env TARGET_PASSWORD")
                .doesNotContain("password=", "change-me");
    }

    @Test
    void everyJobRunsTheJarOfTheImageWithTheSharedArgumentsFile() throws IOException {
        String jar = dockerfileCopyDestination();
        String configMap = arguments.at("/metadata/name").asText();
        JOBS.forEach((phase, job) -> containers(job).forEach(container -> {
            assertThat(strings(container.path("command"))).as("%s job: the jar the Dockerfile copies", phase)
                    .first().isEqualTo("java");
            assertThat(strings(container.path("command"))).as("%s job", phase).endsWith("-jar", jar);
            assertThat(container.path("image").asText()).as("%s job: one image for all", phase)
                    .isEqualTo(container(JOBS.get("plan")).path("image").asText());
            List<String> args = strings(container.path("args"));
            assertThat(args.subList(0, 3)).as("%s job", phase).containsExactly("migrate", "--phase", phase);
            assertThat(args).as("%s job", phase).last().isEqualTo("@/etc/migbench/migrate.args");
            JsonNode mount = container.path("volumeMounts").get(0);
            assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/migbench");
            JsonNode volume = job.at("/spec/template/spec/volumes").get(0);
            assertThat(volume.path("name").asText()).isEqualTo(mount.path("name").asText());
            assertThat(volume.at("/configMap/name").asText()).as("%s job mounts the shared arguments", phase)
                    .isEqualTo(configMap);
            assertThat(job.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Never");
        }));
        assertThat(arguments.path("data").has("migrate.args")).isTrue();
    }

    @Test
    void copyWorkersAreAnIndexedJobWhoseWorkerIdIsTheCompletionIndex() {
        JsonNode spec = JOBS.get("copy").path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        assertThat(spec.path("backoffLimitPerIndex").asInt()).as("backoffLimitPerIndex").isPositive();
        assertThat(spec.path("parallelism").asInt()).as("every index runs at once")
                .isEqualTo(spec.path("completions").asInt());
        JsonNode container = container(JOBS.get("copy"));
        List<String> args = strings(container.path("args"));
        assertThat(args).contains("--worker-id");
        assertThat(args.get(args.indexOf("--worker-id") + 1)).contains("$(JOB_COMPLETION_INDEX)");
        assertThat(env(container, "JOB_COMPLETION_INDEX").at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        JOBS.forEach((phase, job) -> containers(job).forEach(c -> {
            Matcher m = VARIABLE_REFERENCE.matcher(String.join(" ", strings(c.path("args"))));
            while (m.find()) {
                assertThat(env(c, m.group(1)).isMissingNode()).as("%s job: $(%s) is declared", phase, m.group(1))
                        .isFalse();
            }
        }));
    }

    @Test
    void everyJobsCommandLineIsOneTheMigrateCommandParses(@TempDir Path scratch) throws IOException {
        String shared = arguments.at("/data/migrate.args").asText();
        assertThat(shared).as("the Jobs add the phase and worker id").doesNotContain("--phase", "--worker-id");
        Path file = Files.writeString(scratch.resolve("migrate.args"), shared);
        JOBS.forEach((phase, job) -> {
            List<String> args = new ArrayList<>(strings(container(job).path("args")));
            args.remove(0); // "migrate": the harness's subcommand, the engine's own command
            args.replaceAll(a -> a.startsWith("@") ? "@" + file : a.replace("$(JOB_COMPLETION_INDEX)", "0"));
            var parsed = EngineMain.commandLine().parseArgs(args.toArray(String[]::new));
            assertThat(parsed.matchedOption("--phase").stringValues()).as("%s job", phase).containsExactly(phase);
            assertThat(parsed.hasMatchedOption("--worker-id")).as("%s job: a worker id", phase)
                    .isEqualTo(phase.equals("copy"));
            assertThat(parsed.matchedOptionValue("--source", "")).as("%s job: from the shared file", phase)
                    .startsWith("jdbc:postgresql:");
        });
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path kubeconfig, Path kubectl, Path manifest) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(kubectl.toString(), "apply", "--dry-run=client", "--validate=false",
                "-f", manifest.toString()).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl ended").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path kubectl() {
        Path found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(found != null, "kubectl is not installed (Debian: apt-get install kubernetes-client)");
        return found;
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String dockerfileCopyDestination() throws IOException {
        return Files.readAllLines(DIRECTORY.resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("COPY ") && line.endsWith(".jar"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
    }

    private static List<JsonNode> containers(JsonNode job) {
        List<JsonNode> all = new ArrayList<>();
        job.at("/spec/template/spec/containers").forEach(all::add);
        assertThat(all).as("containers of %s", job.at("/metadata/name").asText()).isNotEmpty();
        return all;
    }

    private static JsonNode container(JsonNode job) {
        return containers(job).get(0);
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
