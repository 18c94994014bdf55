package io.migbench.engine.bench;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The documented benchmark command runs end to end (on a tiny dataset: no figures are checked). */
class CopyBenchmarkSmokeTest {
    @Test
    void benchmarkRunsEveryVariantAndPrintsRatios() throws Exception {
        assumeTrue(new ProcessBuilder("bash", "-c", "command -v psql").start().waitFor() == 0, "psql on PATH");
        String source = TestPostgres.newDatabase("bench_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE posts (id int PRIMARY KEY, body text)");
            st.execute("INSERT INTO posts SELECT g, repeat('p', g % 40) FROM generate_series(1, 20000) g");
            st.execute("CREATE TABLE tags (name text)");
            st.execute("INSERT INTO tags SELECT 't' || g FROM generate_series(1, 500) g");
            st.execute("ANALYZE");
        }
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CopyBenchmark.main(new String[] {source, TestPostgres.url("postgres"), "2", "1", "skip"});
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertThat(report).as(report).contains("pipe key ranges (copy)", "pipe ctid ranges (copy)", "engine copy phase",
                "engine total", "engine copy vs best pipe:");
    }
}
