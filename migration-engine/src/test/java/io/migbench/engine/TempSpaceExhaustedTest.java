package io.migbench.engine;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target runs out of space for an index build's sort (its {@code temp_file_limit} stands in for a full disk:
 * both fail the statement the same way, and a real full disk cannot be provoked safely on a shared machine).
 * The run fails naming the table and the index, no partition state is lost, and a resume after space is freed
 * builds the index and ends with exactly the source rows.
 */
class TempSpaceExhaustedTest {
    @Test
    void indexBuildOutOfTempSpaceFailsNamingTheIndexAndResumeCompletes() {
        String source = TestPostgres.newDatabase("src_nospace");
        String target = TestPostgres.newDatabase("tgt_nospace");
        exec(source,
                "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)",
                "INSERT INTO notes SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, 60000) g",
                "CREATE INDEX notes_body ON notes (body)",
                "ANALYZE");
        String dbName = target.substring(target.lastIndexOf('/') + 1);
        exec(target, "ALTER DATABASE " + dbName + " SET temp_file_limit = '64kB'");

        // a 1 MB sort budget makes the index build spill to temporary files, which the limit then refuses
        MigrationResult failed = Migrator.migrate(Databases.options(source, target).tasks(2).indexMemory("1MB").build());

        assertThat(failed.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(failed.targetSessionSettings()).as("what the engine set in its target sessions, even on failure")
                .containsExactly("synchronous_commit=off", "index maintenance_work_mem=1024kB");
        assertThat(failed.errorMessage()).as("names table, index and the server's reason")
                .contains("public.notes").contains("temp_file_limit").contains("SQLState 53400").doesNotContain("\n");
        assertThat(queryOne(target, "SELECT count(*) FROM migbench.partition_state WHERE status = 'done'"))
                .as("the copied partitions stay recorded").isEqualTo(queryOne(target, "SELECT count(*) FROM migbench.partition_state"));

        exec(target, "ALTER DATABASE " + dbName + " RESET temp_file_limit");
        MigrationResult resumed = Migrator.migrate(Databases.options(source, target).tasks(2).resume(true)
                .verify(VerifyMode.CHECKSUM).build());

        assertThat(resumed.status()).as("resume: %s", resumed.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(Databases.rowsAsText(target, "notes")).isEqualTo(Databases.rowsAsText(source, "notes"));
        assertThat(queryOne(target, "SELECT to_regclass('notes_body') IS NOT NULL")).as("index built on resume").isEqualTo("t");
        assertThat(resumed.tables()).allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
    }
}
