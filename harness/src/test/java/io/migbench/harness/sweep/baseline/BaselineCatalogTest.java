package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.schema.TableName;
import io.migbench.harness.scenario.CopyFormat;
import io.migbench.harness.model.EngineKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names, context validation, endpoints and version parsing: no database needed. */
class BaselineCatalogTest {
    static final ConnectionSpec SOURCE = new ConnectionSpec("jdbc:postgresql://db1:5433/src", "bench", "Pw-s3cret!x");
    static final ConnectionSpec TARGET = new ConnectionSpec("jdbc:postgresql://db2/dst?sslmode=require", "bench", null);
    static final List<BaselineTable> TABLES = List.of(new BaselineTable(new TableName("public", "t"), 1));

    @Test
    void everyExternalEngineKindHasABaselineOfTheSameName() {
        List<EngineKind> external = Arrays.stream(EngineKind.values()).filter(k -> k != EngineKind.MIGBENCH).toList();
        assertThat(external).allSatisfy(k -> assertThat(Baselines.of(k).name()).isEqualTo(k.yamlName()));
        assertThat(Baselines.all()).extracting(BaselineEngine::name)
                .containsExactly("psql-pipe", "pgcopydb", "pg_dump-restore", "freebcp-out", "pgloader");
        assertThat(Baselines.byName("bcp")).isEmpty();
        assertThatThrownBy(() -> Baselines.of(EngineKind.MIGBENCH)).hasMessageContaining("'migbench' is not a baseline");
    }

    @Test
    void contextRejectsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> new BaselineContext(SOURCE, SOURCE, List.of(TABLES.get(0), TABLES.get(0)), 0, null,
                null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target: must differ from source")
                .hasMessageContaining("tables: public.t is listed twice")
                .hasMessageContaining("tasks: must be at least 1, got 0")
                .hasMessageContaining("format: required")
                .hasMessageContaining("workDir: required")
                .hasMessageContaining("timeout: must be positive")
                .hasMessageNotContaining("Pw-s3cret!x");
        assertThatThrownBy(() -> new BaselineContext(SOURCE, TARGET, List.of(), 1, CopyFormat.BINARY, Path.of("w"),
                Duration.ofMinutes(1))).hasMessageContaining("tables: at least one table is required");
    }

    @Test
    void endpointsBecomeLibpqFormsWithoutThePassword() {
        PgEndpoint source = PgEndpoint.of(SOURCE);
        assertThat(source.conninfo()).isEqualTo("host=db1 port=5433 dbname=src user=bench");
        assertThat(source.uri()).isEqualTo("postgres://bench@db1:5433/src");
        assertThat(source.passfileLine()).isEqualTo("db1:5433:src:bench:Pw-s3cret!x");
        assertThat(PgEndpoint.of(TARGET).conninfo()).isEqualTo("host=db2 port=5432 dbname=dst user=bench sslmode=require");
        assertThat(PgEndpoint.of(TARGET).passfileLine()).as("no password, no line").isNull();

        PgEndpoint odd = PgEndpoint.of(new ConnectionSpec(
                "jdbc:postgresql://[::1]:6000/my%20db?user=o%27neil&password=a:b%5Cc", null, null));
        assertThat(odd.conninfo()).isEqualTo("host='::1' port=6000 dbname='my db' user='o\\'neil'");
        assertThat(odd.uri()).isEqualTo("postgres://o%27neil@[::1]:6000/my%20db");
        assertThat(odd.password()).as("password from the URL").isEqualTo("a:b\\c");
        assertThat(odd.passfileLine()).isEqualTo("\\:\\:1:6000:my db:o'neil:a\\:b\\\\c");
        assertThat(odd.toString()).doesNotContain("a:b");
        assertThatThrownBy(() -> PgEndpoint.of(ConnectionSpec.of("jdbc:sqlserver://h;password=x")))
                .hasMessageContaining("PostgreSQL JDBC URL").hasMessageNotContaining("password=x");
    }

    @Test
    void clientVersionsAreReadFromVersionLines() {
        assertThat(ToolProbe.clientMajor("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)")).hasValue(15);
        assertThat(ToolProbe.clientMajor("pg_dump (PostgreSQL) 16beta2")).hasValue(16);
        assertThat(ToolProbe.clientMajor("pgcopydb version 0.10-1")).isEmpty();
    }

    @Test
    void aMissingCommandIsNamedWithItsInstallHint() {
        assertThat(ToolProbe.missing("migbench-no-such-tool", "install it from somewhere"))
                .hasValue("migbench-no-such-tool not found on the PATH (or it does not answer --version): install it from somewhere");
        assertThat(ToolProbe.missing("bash", "unused")).as("bash is installed").isEmpty();
    }

    @Test
    void displayedCommandsQuoteForTheShell() {
        assertThat(ExternalCommand.shellWords(List.of("pg_dump", "-d", "host=a port=1", "it's")))
                .isEqualTo("pg_dump -d 'host=a port=1' 'it'\\''s'");
    }
}
