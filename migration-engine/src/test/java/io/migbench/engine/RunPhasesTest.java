package io.migbench.engine;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The phases through the library API: the consistency rule, and the one-process run sharing its plan with a worker. */
class RunPhasesTest {
    private static final String SUMMARY = "SELECT count(*) || ':' || sum(id) || ':' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ";

    private static String source(String name, int rows) {
        String source = TestPostgres.newDatabase(name);
        exec(source, "CREATE TABLE events (id bigint PRIMARY KEY, payload text)",
                "INSERT INTO events SELECT g, md5(g::text) FROM generate_series(1, " + rows + ") g",
                "CREATE TABLE tiny (id int PRIMARY KEY)", "INSERT INTO tiny SELECT generate_series(1, 10)", "ANALYZE");
        return source;
    }

    @Test
    void workersOfAPlanWithoutSnapshotRefuseUnlessTheSourceIsQuiesced() {
        String source = source("src_quiesced", 20000);
        String target = TestPostgres.newDatabase("tgt_quiesced");
        MigrationOptions.Builder common = Databases.options(source, target).partitions(4).partitionThresholdRows(1000);
        assertThat(Migrator.migrate(common.phase(RunPhase.PLAN).build()).status()).isEqualTo(MigrationStatus.SUCCEEDED);

        assertThatThrownBy(() -> Migrator.migrate(common.phase(RunPhase.COPY).workerId("w").build()))
                .as("a worker without a snapshot to import").isInstanceOf(OptionException.class)
                .hasMessageStartingWith("--source-quiesced is required: the plan").hasMessageNotContaining("\n");
        assertThat(queryOne(target, "SELECT count(*) FROM events")).as("nothing copied by the refused worker").isEqualTo("0");

        MigrationResult copied = Migrator.migrate(common.phase(RunPhase.COPY).workerId("w").sourceQuiesced(true).build());
        assertThat(copied.status()).as("worker: %s", copied.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(copied.verification()).isEqualTo(VerifyMode.ACKNOWLEDGED);
        assertThat(copied.totalRows()).isEqualTo(20010);

        RunStatus status = Migrator.status(MigrationOptions.builder().phase(RunPhase.STATUS)
                .target(new ConnectionSpec(target, TestPostgres.USER, TestPostgres.PASSWORD)).build());
        assertThat(status.done()).as("done partitions").isEqualTo(status.partitions()).isEqualTo(5);
        assertThat(status.byWorker()).singleElement().satisfies(w -> {
            assertThat(w.workerId()).isEqualTo("w");
            assertThat(w.done()).isEqualTo(5);
            assertThat(w.rows()).isEqualTo(20010);
        });

        MigrationResult finalized = Migrator.migrate(common.phase(RunPhase.FINALIZE).workerId(null).sourceQuiesced(false)
                .verify(VerifyMode.COUNT).build());
        assertThat(finalized.status()).as("finalize: %s", finalized.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(finalized.tables()).hasSize(2).allMatch(TableResult::countMatch);
        assertThat(queryOne(target, SUMMARY + "events t")).isEqualTo(queryOne(source, SUMMARY + "events t"));
        assertThat(queryOne(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'p'"))
                .as("key built by finalize").isEqualTo("1");
    }

    @Test
    void theOneProcessRunFinalizesTablesWhoeverCopiedThem() throws Exception {
        // big enough that the one-task run is still copying when the helper has started (on a quiet machine 300k
        // rows were done before the helper claimed anything); the race is narrowed, not removed
        String source = source("src_shared", 1_500_000);
        String target = TestPostgres.newDatabase("tgt_shared");
        MigrationOptions.Builder common = Databases.options(source, target).partitions(30).partitionThresholdRows(1000)
                .verify(VerifyMode.CHECKSUM);
        MigrationOptions all = common.tasks(1).build();
        CompletableFuture<MigrationResult> oneProcess = CompletableFuture.supplyAsync(() -> Migrator.migrate(all));
        while (queryOne(target, "SELECT to_regclass('migbench.run')") == null && !oneProcess.isDone()) {
            Thread.sleep(5);
        }
        // a worker joins the one-process run: it imports that run's snapshot
        MigrationResult helper = Migrator.migrate(common.phase(RunPhase.COPY).tasks(2).workerId("helper").build());
        MigrationResult result = oneProcess.get(120, TimeUnit.SECONDS);

        assertThat(helper.status()).as("helper: %s", helper.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(result.status()).as("one process: %s", result.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(queryOne(target, "SELECT count(DISTINCT worker_id) FROM migbench.partition_history WHERE event = 'done'"))
                .as("both processes completed partitions").isEqualTo("2");
        assertThat(result.tables()).as("every table verified by checksum, whoever copied it").hasSize(2)
                .allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
        assertThat(queryOne(target, SUMMARY + "events t")).isEqualTo(queryOne(source, SUMMARY + "events t"));
        assertThat(queryOne(target, "SELECT count(*) FROM (SELECT 1 FROM migbench.partition_history WHERE event = 'done'"
                + " GROUP BY table_name, part_no HAVING count(*) > 1) twice")).as("no partition completed twice").isEqualTo("0");
    }
}
