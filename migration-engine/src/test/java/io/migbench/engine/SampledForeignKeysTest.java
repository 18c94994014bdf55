package io.migbench.engine;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import static io.migbench.engine.Databases.count;
import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sample copies a share of each table's ranges, so a copied child's parent may be missing from the target. */
class SampledForeignKeysTest {

    @Test
    void aSampledMigrationAddsForeignKeysNotValidAndTheyStillGuardNewRows() {
        String source = TestPostgres.newDatabase("src_sampled_fk");
        // children reference parents in reverse order, so the sampled child ranges point outside the sampled parents
        exec(source,
                "CREATE TABLE parents (id int PRIMARY KEY, name text)",
                "INSERT INTO parents SELECT g, 'p' || g FROM generate_series(1, 20000) g",
                "CREATE TABLE children (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parents (id))",
                "INSERT INTO children SELECT g, 20001 - g FROM generate_series(1, 20000) g");
        String target = TestPostgres.newDatabase("tgt_sampled_fk");

        MigrationResult result = Migrator.migrate(Databases.options(source, target).split(SplitStrategy.KEY)
                .partitions(4).partitionThresholdRows(1000).sampleFraction(0.25).verify(VerifyMode.COUNT).build());

        assertThat(result.status()).as("sampled run: %s", result.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(Long.parseLong(queryOne(target, "SELECT count(*) FROM children c"
                + " WHERE NOT EXISTS (SELECT 1 FROM parents p WHERE p.id = c.parent_id)")))
                .as("the sample holds children whose parent was not copied (else this test proves nothing)")
                .isPositive();
        assertThat(count(target, "children")).as("a share of the children").isLessThan(20_000);
        assertThat(queryOne(target, "SELECT convalidated::text FROM pg_constraint WHERE conrelid = 'children'::regclass"
                + " AND contype = 'f'")).as("the foreign key exists, NOT VALID").isEqualTo("false");
        assertThatThrownBy(() -> exec(target, "INSERT INTO children VALUES (-1, -1)"))
                .as("a NOT VALID key still rejects a new orphan").hasStackTraceContaining("violates foreign key");
    }
}
