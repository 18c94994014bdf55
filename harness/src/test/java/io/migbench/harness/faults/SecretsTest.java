package io.migbench.harness.faults;

import io.migbench.harness.cli.MigbenchCli;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.embedded.EmbeddedPostgresBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server with password authentication (scram-sha-256) and a known password: a sweep through the external
 * backend and failing migrations (wrong password, password in the URL, with and without --debug) run as real
 * {@code migbench} processes; neither the password nor the wrong one appears in any output, log, CSV, report
 * or scenario copy.
 */
class SecretsTest {
    private static final String PASSWORD = "Kn0wn-S3cret-pw";
    private static final String WRONG = "Wr0ng-S3cret-pw";

    @TempDir
    Path dir;

    @Test
    void passwordsNeverAppearInAnyOutput() throws Exception {
        try (DatabaseInstance server = new EmbeddedPostgresBackend()
                .start(InstanceSpec.of("secret", DatabaseEngine.POSTGRESQL, dir.resolve("servers")))) {
            requirePasswords(server);
            String src = server.jdbcUrl("src");
            String tgt = server.jdbcUrl("tgt");
            Path scenario = dir.resolve("secret.yaml");
            Files.writeString(scenario, """
                    name: secret
                    dataset: {name: stackoverflow, scale: 0.001, seed: 3, load_into_external: true}
                    backend:
                      type: external
                      source: {url: '%s', user: postgres, password_env: MIGBENCH_TEST_PW}
                      target: {url: '%s', user: postgres, password_env: MIGBENCH_TEST_PW}
                    matrix: {tasks: [1]}
                    trials: 1
                    warmup_trials: 0
                    verify: checksum
                    """.formatted(src, tgt));
            Path out = dir.resolve("results");

            List<Path> logs = new ArrayList<>();
            assertThat(migbench(logs, "sweep", scenario.toString(), "--out", out.toString(), "--run-id", "r1"))
                    .as("sweep with the right password, output in %s", logs).isZero();
            assertThat(out.resolve("r1/trials.csv")).exists();
            assertThat(out.resolve("r1/REPORT.md")).exists();
            assertThat(migbench(logs, "migrate", "--source", src, "--target", server.jdbcUrl("tgt2"), "--source-user", "postgres",
                    "--target-user", "postgres", "--source-password-env", "MIGBENCH_TEST_PW", "--target-password-env",
                    "MIGBENCH_WRONG_PW")).as("wrong target password").isEqualTo(1);
            assertThat(Files.readString(logs.get(logs.size() - 1))).contains("password authentication failed");
            assertThat(migbench(logs, "migrate", "--debug", "--source", src + "?user=postgres&password=" + PASSWORD,
                    "--target", server.jdbcUrl("no_such_db") + "?user=postgres&password=" + PASSWORD))
                    .as("password in the URLs, missing target database, --debug").isEqualTo(1);
            assertThat(Files.readString(logs.get(logs.size() - 1))).contains("no_such_db");
            assertThat(migbench(logs, "migrate", "--source", src + "?password=" + PASSWORD, "--target",
                    "jdbc:postgresql://127.0.0.1:1/x?password=" + WRONG + "&connectTimeout=2", "--source-user", "postgres"))
                    .as("unreachable target with a password in its URL").isEqualTo(1);

            List<Path> outputs;
            try (Stream<Path> files = Files.walk(out)) {
                outputs = Stream.concat(files.filter(Files::isRegularFile), logs.stream()).toList();
            }
            assertThat(outputs).as("CSVs, report, scenario copy, stdout/stderr of every run")
                    .extracting(p -> p.getFileName().toString())
                    .contains("trials.csv", "tables.csv", "REPORT.md", "scenario.yaml");
            for (Path file : outputs) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as("%s", file).doesNotContain(PASSWORD).doesNotContain(WRONG);
            }
        }
    }

    /** Sets the known password and switches TCP connections to scram-sha-256. */
    private static void requirePasswords(DatabaseInstance server) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE postgres PASSWORD '" + PASSWORD + "'");
            st.execute("CREATE DATABASE src");
            st.execute("CREATE DATABASE tgt");
            st.execute("CREATE DATABASE tgt2");
            String hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = rs.getString(1);
            }
            Files.writeString(Path.of(hba), "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            st.execute("SELECT pg_reload_conf()");
        }
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl(), "postgres", WRONG)) {
            throw new AssertionError("the wrong password was accepted");
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getSQLState()).as("password authentication enforced").isEqualTo("28P01");
        }
    }

    private int migbench(List<Path> logs, String... args) throws Exception {
        Path log = dir.resolve("run-" + logs.size() + ".log");
        logs.add(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MigbenchCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("MIGBENCH_TEST_PW", PASSWORD, "MIGBENCH_WRONG_PW", WRONG));
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("migbench %s finished", args[0]).isTrue();
        return p.exitValue();
    }
}
