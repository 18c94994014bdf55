package io.migbench.engine;

import io.migbench.engine.state.Claim;
import io.migbench.engine.state.PartitionClaims;
import io.migbench.engine.state.StateStore;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryColumn;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims on the real state table: a live claim is never taken, an expired lease or an ended connection hands the
 * partition to the next worker, and the worker that lost it cannot mark it done.
 */
class PartitionClaimsTest {
    private final StateStore state = new StateStore();
    private String target;

    @BeforeEach
    void planOnePartition() {
        String source = TestPostgres.newDatabase("src_claims");
        target = TestPostgres.newDatabase("tgt_claims");
        exec(source, "CREATE TABLE tiny (id int PRIMARY KEY)", "INSERT INTO tiny SELECT generate_series(1, 10)");
        MigrationResult plan = Migrator.migrate(Databases.options(source, target).phase(RunPhase.PLAN)
                .sourceQuiesced(true).build());
        assertThat(plan.status()).as("plan: %s", plan.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
    }

    @Test
    void anExpiredLeaseHandsThePartitionOverAndTheFormerHolderCannotCommit() throws Exception {
        PartitionClaims stalled = new PartitionClaims("stalled", Duration.ofMillis(1));
        PartitionClaims next = new PartitionClaims("next", Duration.ofSeconds(60));
        try (Connection a = TestPostgres.connect(target); Connection b = TestPostgres.connect(target)) {
            Claim lost = stalled.claimNext(a).orElseThrow();
            awaitLeaseExpired();

            Claim taken = next.claimNext(b).orElseThrow();

            assertThat(taken.partition()).isEqualTo(lost.partition());
            assertThat(taken.previousWorker()).as("taken from").isEqualTo("stalled");
            assertThat(taken.earlierClaims()).isEqualTo(1);
            a.setAutoCommit(false);
            assertThat(state.markDone(a, lost, 10, 10, 40)).as("the former holder's done-mark").isFalse();
            a.rollback();
            b.setAutoCommit(false);
            assertThat(state.markDone(b, taken, 10, 10, 40)).as("the new holder's done-mark").isTrue();
            b.commit();
        }
        assertThat(queryColumn(target, "SELECT event || ':' || worker_id || ':' || coalesce(detail, '')"
                + " FROM migbench.partition_history ORDER BY event_no"))
                .containsExactly("claimed:stalled:", "reclaimed:next:from stalled: its lease expired", "done:next:");
    }

    @Test
    void aLiveClaimIsNotTakenUntilItsConnectionEnds() throws Exception {
        PartitionClaims holder = new PartitionClaims("holder", Duration.ofSeconds(60));
        PartitionClaims other = new PartitionClaims("other", Duration.ofSeconds(60));
        try (Connection b = TestPostgres.connect(target)) {
            try (Connection a = TestPostgres.connect(target)) {
                holder.claimNext(a).orElseThrow();
                assertThat(holder.renew(a)).as("heartbeat renews the one claim").isEqualTo(1);
                assertThat(other.claimNext(b)).as("claim while the holder's connection lives").isEmpty();
            }
            Optional<Claim> taken = Optional.empty();
            // the server ends the closed connection's backend asynchronously
            for (int i = 0; i < 500 && taken.isEmpty(); i++) {
                taken = other.claimNext(b);
                Thread.sleep(10);
            }
            assertThat(taken).as("claim once the holder's connection ended").isPresent();
            assertThat(taken.get().previousWorker()).isEqualTo("holder");
        }
        assertThat(queryOne(target, "SELECT detail FROM migbench.partition_history WHERE event = 'reclaimed'"))
                .isEqualTo("from holder: its connection ended");
    }

    private void awaitLeaseExpired() throws InterruptedException {
        while (!"t".equals(queryOne(target, "SELECT bool_and(lease_until < now()) FROM migbench.partition_state"))) {
            Thread.sleep(5);
        }
    }
}
