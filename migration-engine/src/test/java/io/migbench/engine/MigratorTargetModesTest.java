package io.migbench.engine;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.migbench.engine.Databases.count;
import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static io.migbench.engine.Databases.rowsAsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Existing target tables, corrupted targets and re-runs. */
class MigratorTargetModesTest {
    private static String source;

    @BeforeAll
    static void createSource() {
        source = TestPostgres.newDatabase("src_modes");
        exec(source,
                "CREATE TABLE items (id int PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 5000) g",
                "CREATE TABLE notes (body text)",
                "INSERT INTO notes SELECT 'note ' || g FROM generate_series(1, 300) g");
    }

    @Test
    void refusesExistingTargetTableAndTouchesNothing() {
        String target = TestPostgres.newDatabase("tgt_refuse");
        exec(target, "CREATE TABLE items (id int, name text)", "INSERT INTO items VALUES (42, 'mine')");

        assertThatThrownBy(() -> Migrator.migrate(Databases.options(source, target).build()))
                .as("create mode with an existing table")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--mode ").hasMessageContaining("public.items");

        assertThat(rowsAsText(target, "items")).as("existing rows untouched").containsExactly("(42,mine)");
        assertThat(queryOne(target, "SELECT to_regclass('public.notes')::text")).as("no other table created").isNull();
        assertThat(queryOne(target, "SELECT to_regnamespace('migbench')::text")).as("no state schema created").isNull();
    }

    @Test
    void dropRecreateAndTruncateReplaceExistingTables() {
        String target = TestPostgres.newDatabase("tgt_replace");
        exec(target, "CREATE TABLE items (id int, name text)", "INSERT INTO items VALUES (-1, 'stale')");

        MigrationResult dropped = Migrator.migrate(Databases.options(source, target).mode(TargetMode.DROP_RECREATE).build());
        assertThat(dropped.status()).as("drop-recreate: %s", dropped.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        exec(target, "DELETE FROM notes WHERE body = 'note 1'");

        MigrationResult truncated = Migrator.migrate(Databases.options(source, target).mode(TargetMode.TRUNCATE).build());
        assertThat(truncated.status()).as("truncate: %s", truncated.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(rowsAsText(target, "items")).as("items replaced").isEqualTo(rowsAsText(source, "items"));
        assertThat(count(target, "notes")).as("notes complete again").isEqualTo(300);
    }

    @Test
    void checksumVerificationFailsOnOneCorruptedRowNamingTableAndRange() {
        String target = TestPostgres.newDatabase("tgt_corrupt");
        MigrationOptions.Builder options = Databases.options(source, target).split(SplitStrategy.KEY)
                .partitionThresholdRows(1000).partitions(4).tasks(2).verify(VerifyMode.CHECKSUM);
        assertThat(Migrator.migrate(options.build()).status()).as("clean copy").isEqualTo(MigrationStatus.SUCCEEDED);

        exec(target, "UPDATE items SET name = 'item 4001 ' WHERE id = 4001");
        // resume with every partition done copies nothing and verifies again
        MigrationResult recheck = Migrator.migrate(options.resume(true).build());

        assertThat(recheck.status()).as("corrupted row detected").isEqualTo(MigrationStatus.VERIFICATION_FAILED);
        assertThat(recheck.mismatches()).as("exactly one bad range").hasSize(1);
        VerificationMismatch m = recheck.mismatches().get(0);
        assertThat(m.table()).isEqualTo("public.items");
        assertThat(m.range()).as("range holding id 4001").startsWith("key [");
        assertThat(m.expected()).as("same count, other checksum").startsWith("1250 rows").isNotEqualTo(m.found());
        assertThat(recheck.errorMessage()).contains("public.items");
        TableResult items = recheck.tables().stream().filter(t -> t.table().equals("items")).findFirst().orElseThrow();
        assertThat(items.countMatch()).as("counts still match").isTrue();
        assertThat(items.checksumMatch()).as("checksum does not").isFalse();
    }

    @Test
    void countVerificationFailsOnAMissingRow() {
        String target = TestPostgres.newDatabase("tgt_missing");
        MigrationOptions.Builder options = Databases.options(source, target);
        assertThat(Migrator.migrate(options.build()).status()).isEqualTo(MigrationStatus.SUCCEEDED);

        exec(target, "DELETE FROM notes WHERE body = 'note 7'");
        MigrationResult recheck = Migrator.migrate(options.resume(true).build());

        assertThat(recheck.status()).isEqualTo(MigrationStatus.VERIFICATION_FAILED);
        assertThat(recheck.mismatches()).extracting(VerificationMismatch::table, VerificationMismatch::expected,
                VerificationMismatch::found).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "public.notes", "300 rows", "299 rows"));
    }

    @Test
    void partitionedTablesAreReplacedWholeInTruncateAndDropRecreateModes() {
        String partitioned = TestPostgres.newDatabase("src_partitioned");
        exec(partitioned, "CREATE TABLE m (id int PRIMARY KEY, at date) PARTITION BY RANGE (id)",
                "CREATE TABLE m_low PARTITION OF m FOR VALUES FROM (MINVALUE) TO (100)",
                "CREATE TABLE m_rest PARTITION OF m DEFAULT",
                "INSERT INTO m SELECT g, date '2024-01-01' + g FROM generate_series(1, 300) g");
        String target = TestPostgres.newDatabase("tgt_partitioned");
        for (TargetMode mode : List.of(TargetMode.CREATE, TargetMode.TRUNCATE, TargetMode.DROP_RECREATE)) {
            MigrationResult r = Migrator.migrate(Databases.options(partitioned, target).mode(mode).build());
            assertThat(r.status()).as("%s: %s", mode, r.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
            assertThat(rowsAsText(target, "m")).as("%s: rows", mode).isEqualTo(rowsAsText(partitioned, "m"));
            assertThat(count(target, "m_low")).as("%s: rows routed by the source's bounds", mode).isEqualTo(99);
        }
    }

    @Test
    void copyFailureReportsTableRangeAndSqlState() {
        String target = TestPostgres.newDatabase("tgt_narrow");
        // truncate mode keeps the existing definition: names longer than 3 characters cannot go in
        exec(target, "CREATE TABLE items (id int, name varchar(3))");
        MigrationResult result = Migrator.migrate(Databases.options(source, target).mode(TargetMode.TRUNCATE)
                .split(SplitStrategy.KEY).partitionThresholdRows(100).partitions(4).tasks(2).build());

        assertThat(result.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(result.failure()).isInstanceOf(MigrationException.class);
        MigrationException e = (MigrationException) result.failure();
        assertThat(e.table()).isEqualTo("public.items");
        assertThat(e.range()).as("the failing key range").startsWith("key [");
        assertThat(e.sqlState()).as("string_data_right_truncation").isEqualTo("22001");
        assertThat(result.errorMessage()).contains("public.items").contains("22001");
        assertThat(queryOne(target, "SELECT count(*) FROM migbench.partition_state WHERE status = 'done'"
                + " AND table_name = 'items'")).as("no items partition committed").isEqualTo("0");
        assertThat(count(target, "items")).as("nothing half-copied").isZero();
    }

    @Test
    void progressEventsFollowThePhasesAndEndWithTheExactRowCount() {
        String target = TestPostgres.newDatabase("tgt_progress");
        List<ProgressEvent> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        MigrationResult result = Migrator.migrate(Databases.options(source, target).split(SplitStrategy.CTID)
                .partitionThresholdRows(100).partitions(3).build(), events::add);

        assertThat(result.status()).isEqualTo(MigrationStatus.SUCCEEDED);
        List<Phase> phases = events.stream().filter(e -> e.message() != null).map(ProgressEvent::phase).distinct().toList();
        assertThat(phases).as("phase order").containsSubsequence(Phase.PLAN, Phase.COPY, Phase.INDEX, Phase.VERIFY, Phase.DONE);
        ProgressEvent last = events.get(events.size() - 1);
        assertThat(last.rowsCopied()).as("rows reported at the end").isEqualTo(result.totalRows()).isEqualTo(5300);
        assertThat(last.partitionsDone()).as("partitions done").isEqualTo(last.partitionsTotal())
                .isEqualTo(result.tables().stream().mapToInt(TableResult::partitions).sum()).isGreaterThan(2);
        assertThat(last.bytesCopied()).as("bytes").isEqualTo(result.totalBytes()).isPositive();
    }

    @Test
    void unloggedLoadEndsWithLoggedTables() {
        String target = TestPostgres.newDatabase("tgt_unlogged");
        MigrationResult result = Migrator.migrate(Databases.options(source, target).unloggedLoad(true).build());
        assertThat(result.status()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(Databases.queryColumn(target, "SELECT relpersistence FROM pg_class WHERE relname IN ('items', 'notes')"))
                .as("switched to LOGGED after the load").containsExactly("p", "p");
        assertThat(count(target, "items")).isEqualTo(5000);
    }

    @Test
    void resumeWithoutStateIsAUsageError() {
        String target = TestPostgres.newDatabase("tgt_nostate");
        assertThatThrownBy(() -> Migrator.migrate(Databases.options(source, target).resume(true).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume ");
    }

    @Test
    void failureComesBackAsFailedResultWithRedactedMessage() {
        String missing = TestPostgres.url("no_such_db") + "?password=wrong-secret-pw";
        MigrationResult result = Migrator.migrate(MigrationOptions.builder()
                .source(new ConnectionSpec(source, TestPostgres.USER, TestPostgres.PASSWORD))
                .target(new ConnectionSpec(missing, TestPostgres.USER, "other-secret-pw"))
                .includeTables(List.of("items")).build());
        assertThat(result.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(result.errorMessage()).as("message present, secret absent").contains("no_such_db")
                .doesNotContain("wrong-secret-pw").doesNotContain("other-secret-pw");
        assertThat(result.failure()).isNotNull();
    }
}
