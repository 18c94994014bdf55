package io.migbench.harness.db.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the block device (as "major:minor") under a directory, for I/O bandwidth limits. */
public final class BlockDevices {
    private BlockDevices() {}

    /**
     * The whole-disk device holding {@code directory}: throttling rules are only honoured on whole disks, so a
     * partition (vda1) is mapped to its disk (vda). Empty when the filesystem has no block device (tmpfs,
     * overlay, btrfs subvolumes, network filesystems).
     */
    public static Optional<String> wholeDiskOf(Path directory, MountInfo mounts) {
        Path real;
        try {
            real = directory.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        return mounts.mountOf(real).map(MountInfo.Mount::device)
                .filter(dev -> !dev.startsWith("0:"))
                .map(BlockDevices::wholeDisk);
    }

    /** The device an I/O bandwidth limit is set on; a {@code null} one (no block device) cannot take it. */
    static String required(String device) throws IOException {
        if (device == null) {
            throw new IOException("data directory is on a filesystem without a block device");
        }
        return device;
    }

    /** The device's name from sysfs ("vda"), for messages and Docker's device paths. */
    public static Optional<String> name(String majorMinor) {
        try {
            return Files.readAllLines(Path.of("/sys/dev/block", majorMinor, "uevent")).stream()
                    .filter(l -> l.startsWith("DEVNAME=")).map(l -> l.substring("DEVNAME=".length())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String wholeDisk(String majorMinor) {
        Path sys = Path.of("/sys/dev/block", majorMinor);
        if (!Files.exists(sys.resolve("partition"))) {
            return majorMinor;
        }
        try {
            // /sys/dev/block/254:1 -> .../block/vda/vda1 : the parent directory is the disk
            return Files.readString(sys.toRealPath().getParent().resolve("dev")).strip();
        } catch (IOException e) {
            return majorMinor;
        }
    }
}
