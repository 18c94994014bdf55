package io.migbench.harness.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Test helper: kills a platform's target server the way the kernel's OOM killer would. */
final class Postmasters {
    private Postmasters() {}

    /** SIGKILL of the target's postmaster; returns once it is gone. */
    static void killTarget(PlatformDatabases dbs) {
        try (Connection c = dbs.target().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            long pid = Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not kill the target", e);
        }
    }
}
