package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.harness.scenario.CopyFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.migbench.harness.sweep.baseline.BaselineDatabases.digest;
import static io.migbench.harness.sweep.baseline.BaselineDatabases.execute;
import static io.migbench.harness.sweep.baseline.BaselineDatabases.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** pgcopydb and pg_dump-restore for real against PostgreSQL 15, and their refusal of the embedded PostgreSQL 16. */
class DatabaseCloneTest {
    static final TableName MIXED = new TableName("public", "Mixed Case Table");
    static final TableName PLAIN = new TableName("public", "plain");
    static final List<String> MIXED_COLUMNS = List.of("\"Id\"", "\"Some Text\"", "data");
    static final AtomicInteger DATABASES = new AtomicInteger();

    static LocalPostgres15 pg15;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        pg15 = LocalPostgres15.startOrSkip();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg15 != null) {
            pg15.close();
        }
    }

    BaselineContext loadedContext(int tasks) throws Exception {
        int n = DATABASES.incrementAndGet();
        ConnectionSpec source = pg15.database("clone_src_" + n);
        ConnectionSpec target = pg15.database("clone_dst_" + n);
        execute(source,
                "CREATE TABLE " + MIXED.quoted() + " (\"Id\" int PRIMARY KEY, \"Some Text\" text, data bytea)",
                "INSERT INTO " + MIXED.quoted() + " VALUES (1, 'tab\there', '\\x00ff00'::bytea), (2, NULL, NULL), (3, '', ''::bytea)",
                "CREATE TABLE " + PLAIN.quoted() + " (id bigint PRIMARY KEY, v text)",
                "INSERT INTO " + PLAIN.quoted() + " SELECT g, md5(g::text) FROM generate_series(1, 5000) g");
        return new BaselineContext(source, target, List.of(new BaselineTable(MIXED, 3), new BaselineTable(PLAIN, 5000)),
                tasks, CopyFormat.BINARY, work, Duration.ofMinutes(2));
    }

    void assertClonedExactly(BaselineRun run, BaselineContext ctx) throws Exception {
        assertThat(run.mismatches()).as("tables whose target count differs").isEmpty();
        assertThat(run.targetRows()).as("rows counted in the target").isEqualTo(5003);
        assertThat(digest(ctx.target(), MIXED, MIXED_COLUMNS)).as("count/checksum of the mixed-case table")
                .isEqualTo(digest(ctx.source(), MIXED, MIXED_COLUMNS));
        assertThat(longs(ctx.target(), "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace"))
                .as("primary keys in the target").containsExactly(2L);
        assertThat(run.commands()).as("recorded command lines").isNotEmpty()
                .allSatisfy(c -> assertThat(c).doesNotContain(LocalPostgres15.PASSWORD));
        assertThat(run.stderrTail()).as("stderr tail").doesNotContain(LocalPostgres15.PASSWORD);
        assertThat(Files.list(work)).as("run directories removed").isEmpty();
    }

    @Test
    void pgDumpRestoreClonesThroughPasswordAuthentication() throws Exception {
        BaselineContext ctx = loadedContext(2);
        PgDumpRestore engine = new PgDumpRestore();
        Optional<String> reason = engine.unavailableReason(ctx);
        assumeTrue(reason.isEmpty(), () -> "pg_dump-restore unavailable: " + reason.orElse(""));

        BaselineRun run = engine.run(ctx);

        assertClonedExactly(run, ctx);
        assertThat(run.commands()).as("pg_dump then pg_restore").hasSize(2);
        assertThat(run.commands().get(0)).startsWith("pg_dump -Fd -j 2 -Z0");
        assertThat(run.bytes()).as("dump size").isNotNull().isGreaterThan(5000L * 32);
    }

    @Test
    void pgcopydbClonesThroughPasswordAuthentication() throws Exception {
        BaselineContext ctx = loadedContext(2);
        Pgcopydb engine = new Pgcopydb();
        Optional<String> reason = engine.unavailableReason(ctx);
        assumeTrue(reason.isEmpty(), () -> "pgcopydb unavailable: " + reason.orElse(""));

        BaselineRun run = engine.run(ctx);

        assertClonedExactly(run, ctx);
        assertThat(run.commands()).singleElement().asString()
                .startsWith("pgcopydb clone --source postgres://postgres@localhost:")
                .contains("--table-jobs 2 --index-jobs 2");
    }

    @Test
    void dumpToolsRefuseANewerServerWithTheFix() throws Exception {
        Optional<String> pgDump = ToolProbe.versionLine("pg_dump");
        assumeTrue(pgDump.isPresent() && ToolProbe.clientMajor(pgDump.get()).orElse(99) < 16,
                "needs a pg_dump older than the embedded PostgreSQL 16");
        int client = ToolProbe.clientMajor(pgDump.get()).getAsInt();
        BaselineContext ctx = new BaselineContext(
                new ConnectionSpec(TestPostgres.newDatabase("refuse_src"), TestPostgres.USER, TestPostgres.PASSWORD),
                new ConnectionSpec(TestPostgres.newDatabase("refuse_dst"), TestPostgres.USER, TestPostgres.PASSWORD),
                List.of(new BaselineTable(PLAIN, 0)), 1, CopyFormat.BINARY, work, Duration.ofMinutes(1));
        String expected = "pg_dump " + client + " cannot dump a PostgreSQL 16 server: install postgresql-client-16"
                + " or run the embedded backend with PostgreSQL " + client;

        assertThat(new PgDumpRestore().unavailableReason(ctx)).as("pg_dump-restore against 16").hasValue(expected);
        if (ToolProbe.versionLine("pgcopydb").isPresent()) {
            assertThat(new Pgcopydb().unavailableReason(ctx)).as("pgcopydb against 16").get().asString()
                    .startsWith("pgcopydb needs a pg_dump").endsWith(expected);
        } else {
            assertThat(new Pgcopydb().unavailableReason(ctx)).as("pgcopydb not installed").get().asString()
                    .startsWith("pgcopydb not found on the PATH");
        }
    }
}
