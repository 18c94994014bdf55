package io.migbench.harness.db.embedded;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.model.ResourceLimits;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a separate JVM by {@link ConcurrentInstancesTest}: starts one instance in the given run directory,
 * prints "READY url pid", and closes it when its standard input ends (or, on a signal, by the shutdown hook).
 */
public final class SecondJvmInstance {
    private SecondJvmInstance() {}

    public static void main(String[] args) throws Exception {
        InstanceSpec spec = new InstanceSpec(args[1], DatabaseEngine.POSTGRESQL,
                new ResourceLimits(0.5, null, null, null, null), Map.of(), Path.of(args[0]));
        try (DatabaseInstance db = new EmbeddedPostgresBackend().start(spec)) {
            System.out.println("READY " + db.jdbcUrl() + " " + ((EmbeddedPostgresInstance) db).postmasterPid());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("CLOSED");
    }
}
