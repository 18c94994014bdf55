package io.migbench.engine;

import io.migbench.engine.cli.SummaryPrinter;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static io.migbench.engine.Databases.count;
import static io.migbench.engine.Databases.exec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each verification proves: ACKNOWLEDGED compares the rows each committed COPY stored (as the target
 * acknowledged them) with the rows the source sent; COUNT also scans the target, so it sees rows that came from
 * elsewhere. Target-side triggers stand in for a target that does not store exactly what COPY sent.
 */
class VerificationModesTest {
    private static String source;

    @BeforeAll
    static void createSource() {
        source = TestPostgres.newDatabase("src_verify");
        exec(source,
                "CREATE TABLE items (id int PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 6000) g",
                "CREATE TABLE notes (body text)",
                "INSERT INTO notes SELECT 'note ' || g FROM generate_series(1, 300) g");
    }

    @Test
    void bothModesPassAnExactCopyAndTheSummarySaysWhichRan() {
        for (VerifyMode mode : List.of(VerifyMode.ACKNOWLEDGED, VerifyMode.COUNT)) {
            String target = TestPostgres.newDatabase("tgt_verify_ok");
            MigrationResult r = migrate(target, mode, TargetMode.CREATE);

            assertThat(r.status()).as("%s: %s", mode, r.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
            assertThat(r.verification()).as("verification reported").isEqualTo(mode);
            assertThat(r.tables()).as("%s: every table's count matches", mode)
                    .allMatch(t -> t.countMatch() && t.targetRows() == t.sourceRows());
            assertThat(count(target, "items")).as("independent count(*)").isEqualTo(6000);
            StringWriter summary = new StringWriter();
            SummaryPrinter.print(r, new PrintWriter(summary));
            assertThat(summary.toString()).as("summary")
                    .contains("verification: " + mode.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void aRowTheTargetDidNotStoreFailsBothModes() {
        for (VerifyMode mode : List.of(VerifyMode.ACKNOWLEDGED, VerifyMode.COUNT)) {
            String target = TestPostgres.newDatabase("tgt_verify_lost");
            exec(target, "CREATE TABLE items (id int, name text)",
                    "CREATE FUNCTION drop_seven() RETURNS trigger LANGUAGE plpgsql AS"
                            + " $$BEGIN IF NEW.id = 7 THEN RETURN NULL; END IF; RETURN NEW; END$$",
                    "CREATE TRIGGER drop_seven BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION drop_seven()");

            MigrationResult r = migrate(target, mode, TargetMode.TRUNCATE);

            assertThat(count(target, "items")).as("independent count(*): the trigger dropped a row").isEqualTo(5999);
            assertThat(r.status()).as("%s", mode).isEqualTo(MigrationStatus.VERIFICATION_FAILED);
            assertThat(r.mismatches()).as("%s names the table", mode).isNotEmpty()
                    .allMatch(m -> m.table().equals("public.items"));
        }
    }

    @Test
    void aRowFromElsewhereIsSeenOnlyByTheScanningCount() {
        String acknowledgedTarget = TestPostgres.newDatabase("tgt_verify_extra");
        addsARowForSeven(acknowledgedTarget);
        MigrationResult acknowledged = migrate(acknowledgedTarget, VerifyMode.ACKNOWLEDGED, TargetMode.TRUNCATE);

        String countedTarget = TestPostgres.newDatabase("tgt_verify_extra");
        addsARowForSeven(countedTarget);
        MigrationResult counted = migrate(countedTarget, VerifyMode.COUNT, TargetMode.TRUNCATE);

        assertThat(count(acknowledgedTarget, "items")).as("independent count(*): one row more than the source")
                .isEqualTo(count(countedTarget, "items")).isEqualTo(6001);
        assertThat(acknowledged.status()).as("acknowledged counts only what COPY stored")
                .isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(counted.status()).as("count(*) sees the extra row").isEqualTo(MigrationStatus.VERIFICATION_FAILED);
        assertThat(counted.mismatches()).as("mismatch names the table").isNotEmpty()
                .allMatch(m -> m.table().equals("public.items") && m.found().contains("rows"));
    }

    private static void addsARowForSeven(String target) {
        exec(target, "CREATE TABLE items (id int, name text)",
                "CREATE FUNCTION add_row() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$BEGIN IF NEW.id = 7 THEN INSERT INTO items VALUES (-7, 'extra'); END IF; RETURN NEW; END$$",
                "CREATE TRIGGER add_row AFTER INSERT ON items FOR EACH ROW EXECUTE FUNCTION add_row()");
    }

    private static MigrationResult migrate(String target, VerifyMode mode, TargetMode targetMode) {
        return Migrator.migrate(Databases.options(source, target).tasks(2).partitions(3).partitionThresholdRows(1000)
                .split(SplitStrategy.KEY).mode(targetMode).verify(mode).build());
    }
}
