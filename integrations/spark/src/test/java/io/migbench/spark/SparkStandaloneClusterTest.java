package io.migbench.spark;

import io.migbench.engine.testing.TestPostgres;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on a real Spark standalone cluster on this machine: a Master and two Workers of one core each, every one its
 * own JVM. Mid-copy, the Worker whose executor runs a copy worker holding a partition is SIGKILLed with that executor
 * (a machine lost); Spark retries the task on the other Worker and the migration still ends exact.
 */
class SparkStandaloneClusterTest {
    /** What the target's state table said when the Worker was killed. */
    private record Kill(String workerId, String executorId, int sparkWorker, List<String> heldPartitions, long done,
                        long total) {
    }

    @Test
    void aWorkerKilledMidCopyIsRetriedBySparkAndTheResultIsExact(
            // the Master's, Workers' and executors' logs stay when the test fails
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path directory) throws Exception {
        String source = MigrationFixture.source();
        String target = TestPostgres.newDatabase("spark_cluster_tgt");
        Map<String, String> env = Map.of(MigrationFixture.PASSWORD_VARIABLE, TestPostgres.PASSWORD,
                "SPARK_LOCAL_IP", "127.0.0.1");
        TaskAttempts attempts = new TaskAttempts();
        StringWriter driverErr = new StringWriter();
        Kill kill;
        int exitCode;
        try (StandaloneCluster cluster = new StandaloneCluster(directory, 2, 1, env);
             JavaSparkContext spark = new JavaSparkContext(conf(cluster))) {
            spark.sc().addSparkListener(attempts);
            CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() ->
                    new MigrationJob(spark, new PrintWriter(driverErr, true)).run(EnumSet.allOf(Step.class), 2,
                            new EngineArguments(MigrationFixture.migrateArguments(source, target))));
            kill = killAWorkerMidCopy(cluster, attempts, target, job);
            System.out.println("killed: " + kill);
            exitCode = job.get(5, TimeUnit.MINUTES);
        }

        assertThat(exitCode).as("job exit code; driver stderr:%n%s", driverErr).isZero();
        assertThat(kill.done()).as("killed mid-copy: partitions done at the kill").isPositive()
                .isLessThan(kill.total());
        assertThat(kill.heldPartitions()).as("the killed worker was copying").isNotEmpty();
        assertThat(attempts.ended()).as("Spark saw the task on the lost executor fail")
                .anySatisfy(a -> {
                    assertThat(a.workerId()).isEqualTo(kill.workerId());
                    assertThat(a.ending()).contains("ExecutorLostFailure");
                });
        String killedPartition = kill.workerId().split("-")[1];
        assertThat(attempts.ended()).as("and ran that Spark partition again, to success")
                .anySatisfy(a -> {
                    assertThat(a.partition()).isEqualTo(Integer.parseInt(killedPartition));
                    assertThat(a.attempt()).isPositive();
                    assertThat(a.executorId()).isNotEqualTo(kill.executorId());
                    assertThat(a.ending()).isEqualTo("success");
                });
        MigrationFixture.assertExact(source, target);
        assertThat(MigrationFixture.partitionsNotDoneExactlyOnce(target)).as("partitions not completed exactly once")
                .isEmpty();
        assertThat(MigrationFixture.strings(target, "SELECT table_name || '#' || part_no FROM migbench.partition_history"
                + " WHERE event = 'done' AND worker_id = '" + kill.workerId() + "'"))
                .as("what the killed worker held was finished by another").doesNotContainAnyElementsOf(kill.heldPartitions());
        assertThat(MigrationFixture.strings(target, "SELECT table_name || '#' || part_no FROM migbench.partition_history"
                + " WHERE event = 'reclaimed' AND detail LIKE 'from " + kill.workerId() + ":%'"))
                .as("taken over from the killed worker").containsAll(kill.heldPartitions());
    }

    private static boolean planWritten(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('migbench.partition_state') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static SparkConf conf(StandaloneCluster cluster) {
        return new SparkConf().setMaster(cluster.masterUrl()).setAppName("migbench-test")
                .set("spark.executor.extraClassPath", StandaloneCluster.executorClassPath())
                .set("spark.executor.memory", "512m")
                .set("spark.cores.max", "2")
                .set("spark.task.maxFailures", "4")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                // both executors up before the plan runs, so the two copy tasks run on different Workers
                .set("spark.scheduler.minRegisteredResourcesRatio", "1.0")
                .set("spark.scheduler.maxRegisteredResourcesWaitingTime", "180s");
    }

    /**
     * Waits until some partitions are done, others not, and a copy worker whose executor is known holds one; then
     * SIGKILLs the Spark Worker JVM that launched that executor, and the executor JVM.
     */
    private static Kill killAWorkerMidCopy(StandaloneCluster cluster, TaskAttempts attempts, String target,
                                           CompletableFuture<Integer> job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        String lastSeen = "nothing";
        while (Instant.now().isBefore(deadline) && !job.isDone()) {
            Thread.sleep(20);
            try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(planWritten(st) ? "SELECT worker_id, array_agg(table_name || '#' || part_no),"
                         + " (SELECT count(*) FILTER (WHERE status = 'done') FROM migbench.partition_state),"
                         + " (SELECT count(*) FROM migbench.partition_state)"
                         + " FROM migbench.partition_state WHERE status = 'copying' GROUP BY worker_id" : "SELECT 1 WHERE false")) {
                while (rs.next()) {
                    String workerId = rs.getString(1);
                    long done = rs.getLong(3);
                    var executor = attempts.executorOf(workerId);
                    lastSeen = workerId + " on executor " + executor + " copying, " + done + " done; executors: "
                            + cluster.executorsOf(0).stream().map(StandaloneCluster::executorId).toList() + " "
                            + cluster.executorsOf(1).stream().map(StandaloneCluster::executorId).toList();
                    if (done == 0 || executor.isEmpty()) {
                        continue;
                    }
                    for (int w = 0; w < 2; w++) {
                        for (ProcessHandle e : cluster.executorsOf(w)) {
                            if (StandaloneCluster.executorId(e).equals(executor)) {
                                Process worker = cluster.worker(w);
                                worker.destroyForcibly();
                                e.destroyForcibly();
                                assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("Worker JVM gone").isTrue();
                                assertThat(e.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("executor gone").isFalse();
                                return new Kill(workerId, executor.get(), w,
                                        List.of((String[]) rs.getArray(2).getArray()), done, rs.getLong(4));
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("no moment mid-copy to kill a worker at; job done: " + job.isDone()
                + "; last seen: " + lastSeen);
    }
}
