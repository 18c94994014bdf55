package io.migbench.engine.copy;

import io.migbench.engine.state.PartitionClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews the leases of a worker's claims every third of the lease on a connection of its own (the copy
 * connections are busy streaming), so a live worker keeps its partitions and a stopped one loses them.
 * A failed renewal is logged and tried again at the next beat: two misses in a row still keep the lease.
 */
final class LeaseHeartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final ScheduledExecutorService beat;

    LeaseHeartbeat(DataSource target, PartitionClaims claims) {
        long every = Math.max(1, claims.lease().toMillis() / 3);
        beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "migbench-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beat.scheduleWithFixedDelay(() -> {
            try (Connection c = target.getConnection()) {
                claims.renew(c);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("worker {}: renewing its leases failed (tried again in {} ms): {}", claims.workerId(), every,
                        e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        beat.shutdownNow();
    }
}
