package io.migbench.harness.db.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The processes of one PostgreSQL instance. Every postgres process (postmaster and the children it forked)
 * runs with the data directory as its working directory, so they are found even after the postmaster died and
 * its children were re-parented.
 */
final class InstanceProcesses {
    private final Path dataDir;

    InstanceProcesses(Path dataDir) {
        try {
            this.dataDir = dataDir.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("data directory " + dataDir + " is not there", e);
        }
    }

    /** The postmaster's pid from postmaster.pid (first line), if the file is there. */
    Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Pids of all live processes whose working directory is the data directory. */
    List<Long> pids() {
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(this::inDataDir).collect(Collectors.toList());
    }

    private boolean inDataDir(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).equals(dataDir);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Kills whatever is left (SIGKILL) and waits until it is gone; returns the pids that survived. */
    List<Long> killRemaining(long waitMillis) {
        List<ProcessHandle> left = pids().stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .collect(Collectors.toList());
        left.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (System.nanoTime() < deadline && !pids().isEmpty()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return pids();
    }
}
