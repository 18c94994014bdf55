package io.migbench.harness.db.external;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.embedded.EmbeddedPostgresBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings of an external server: refused unless reload is allowed, then ALTER SYSTEM + reload, reverted on close, restarts refused. */
class ReloadedSettingsTest {
    @TempDir
    Path dir;

    @Test
    void reloadAppliesWhatAReloadCanRevertsItOnCloseAndRefusesWhatNeedsARestart() throws Exception {
        // a server of its own: ALTER SYSTEM must not reach the shared test server
        try (DatabaseInstance server = new EmbeddedPostgresBackend()
                .start(InstanceSpec.of("ext", DatabaseEngine.POSTGRESQL, dir.resolve("servers")))) {
            Map<String, String> env = Map.of("PW", server.password());
            try (Connection c = server.connect(); Statement st = c.createStatement()) {
                // the user's own earlier ALTER SYSTEM value, which a sweep must leave in place
                st.execute("ALTER SYSTEM SET work_mem = '12MB'");
                st.execute("SELECT pg_reload_conf()");
            }
            InstanceSpec workMem = InstanceSpec.of("target", DatabaseEngine.POSTGRESQL, dir).withSetting("work_mem", "24MB");

            assertThatThrownBy(() -> new ExternalBackend(Map.of("target", new ExternalServer(server.jdbcUrl(), server.user(), "PW")),
                    env::get).start(workMem)).hasMessageContaining("cannot apply [work_mem]");

            ExternalBackend reloading = new ExternalBackend(Map.of("target",
                    new ExternalServer(server.jdbcUrl(), server.user(), "PW", true)), env::get);
            try (DatabaseInstance target = reloading.start(workMem)) {
                assertThat(target.effectiveSettings()).as("what trials.csv records").containsEntry("work_mem", "24MB");
                assertThat(autoConfWorkMem(server)).as("written by ALTER SYSTEM").isEqualTo("24MB");
            }
            assertThat(autoConfWorkMem(server)).as("the user's value, written back on close").isEqualTo("12MB");
            assertThat(showWorkMem(server)).as("and reloaded").isEqualTo("12MB");
            InstanceSpec sharedBuffers = InstanceSpec.of("target", DatabaseEngine.POSTGRESQL, dir).withSetting("shared_buffers", "200MB");
            assertThatThrownBy(() -> reloading.start(sharedBuffers))
                    .hasMessageContaining("[shared_buffers]").hasMessageContaining("only after a restart");
            try (Connection c = server.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_file_settings WHERE name = 'shared_buffers' "
                         + "AND sourcefile LIKE '%postgresql.auto.conf'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("a refused restart setting is not left in postgresql.auto.conf").isZero();
            }
        }
    }

    private static String autoConfWorkMem(DatabaseInstance server) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT setting FROM pg_file_settings WHERE name = 'work_mem' "
                     + "AND sourcefile LIKE '%postgresql.auto.conf' ORDER BY seqno DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static String showWorkMem(DatabaseInstance server) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW work_mem")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
