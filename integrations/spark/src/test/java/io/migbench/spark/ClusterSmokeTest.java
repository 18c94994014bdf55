package io.migbench.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSmokeTest {
    @Test
    void runs(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        try (StandaloneCluster cluster = new StandaloneCluster(dir, 2, 1, Map.of())) {
            System.out.println("cluster up " + (System.nanoTime() - t0) / 1e9);
            SparkConf conf = new SparkConf().setMaster(cluster.masterUrl()).setAppName("smoke")
                    .set("spark.executor.extraClassPath", StandaloneCluster.executorClassPath())
                    .set("spark.executor.memory", "512m").set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false");
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                long n = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> x * 2).count();
                assertThat(n).isEqualTo(4);
                System.out.println("job done " + (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
