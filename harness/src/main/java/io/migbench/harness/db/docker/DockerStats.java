package io.migbench.harness.db.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.Statistics;
import io.migbench.harness.db.accounting.ResourceCounters;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** One {@code docker stats --no-stream} reading of a container: its cgroup's CPU time and block I/O bytes. */
final class DockerStats {
    private static final long WAIT_SECONDS = 10;

    private DockerStats() {}

    static ResourceCounters read(DockerClient client, String containerId, boolean cgroupV1) {
        AtomicReference<Statistics> reading = new AtomicReference<>();
        try (ResultCallback.Adapter<Statistics> callback = client.statsCmd(containerId).withNoStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Statistics s) {
                        reading.set(s);
                    }
                })) {
            if (!callback.awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS) || reading.get() == null) {
                return ResourceCounters.unavailable("docker stats gave no reading within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResourceCounters.unavailable("docker stats interrupted");
        } catch (IOException | RuntimeException e) {
            return ResourceCounters.unavailable("docker stats: " + e.getMessage());
        }
        Statistics s = reading.get();
        Long cpuNanos = s.getCpuStats() == null || s.getCpuStats().getCpuUsage() == null ? null
                : s.getCpuStats().getCpuUsage().getTotalUsage();
        List<BlkioStatEntry> io = s.getBlkioStats() == null ? null : s.getBlkioStats().getIoServiceBytesRecursive();
        return new ResourceCounters(cpuNanos == null ? null : cpuNanos / 1e9, bytes(io, "read"), bytes(io, "write"),
                "docker stats (container cgroup)" + (cgroupV1 ? ", buffered writes escape cgroup v1 blkio" : ""));
    }

    private static Long bytes(List<BlkioStatEntry> entries, String op) {
        if (entries == null) {
            return null;
        }
        return entries.stream().filter(e -> op.equalsIgnoreCase(e.getOp()) && e.getValue() != null)
                .mapToLong(BlkioStatEntry::getValue).sum();
    }
}
