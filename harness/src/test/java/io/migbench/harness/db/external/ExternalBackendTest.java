package io.migbench.harness.db.external;

import io.migbench.engine.testing.TestPostgres;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Existing servers by URL, password from the environment, never printed; limits reported as not ours. */
class ExternalBackendTest {
    @TempDir
    Path runDir;

    @Test
    void connectsWithThePasswordFromTheEnvironmentAndReportsLimitsNotEnforced() throws Exception {
        String url = TestPostgres.newDatabase("external");
        ExternalBackend backend = new ExternalBackend(Map.of("source", new ExternalServer(url, TestPostgres.USER, "SRC_PW")),
                Map.of("SRC_PW", TestPostgres.PASSWORD)::get);
        InstanceSpec spec = new InstanceSpec("source", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(2.0, null, 1L << 30, null, null), Map.of(), runDir);
        try (DatabaseInstance db = backend.start(spec)) {
            assertThat(db.isAlive()).isTrue();
            assertThat(db.version()).startsWith("16.");
            assertThat(db.enforcedLimits().status(Limit.CPUS)).isEqualTo(LimitStatus.NOT_ENFORCED);
            assertThat(db.enforcedLimits().summary()).isEqualTo(
                    "cpus=2:not enforced(external server: limits not under migbench's control);"
                            + "memory=1GiB:not enforced(external server: limits not under migbench's control)");
            assertThat(db.toString()).startsWith("external POSTGRESQL source at jdbc:postgresql://")
                    .doesNotContain("password");
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(url).endsWith("/" + rs.getString(1));
            }
            assertThat(db.jdbcUrl("postgres")).isEqualTo(url.substring(0, url.lastIndexOf('/')) + "/postgres");
        }
        assertThat(TestPostgres.connect(url).isValid(2)).as("close leaves an external server running").isTrue();
    }

    @Test
    void aWrongPasswordFailsAtStartWithoutShowingIt() {
        String url = TestPostgres.newDatabase("external");
        String secret = "s3cret-never-shown";
        ExternalBackend backend = new ExternalBackend(Map.of("source", new ExternalServer(url, "nobody_here", "PW")),
                Map.of("PW", secret)::get);
        assertThatThrownBy(() -> backend.start(InstanceSpec.of("source", DatabaseEngine.POSTGRESQL, runDir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source")
                .hasMessageNotContaining(secret);
    }

    @Test
    void rejectsPasswordsInUrlsMissingVariablesAndEngineMismatches() {
        assertThatThrownBy(() -> new ExternalServer("jdbc:postgresql://db:5432/so?password=hunter2", "u", "PW"))
                .hasMessageStartingWith("url: must not contain a password").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new ExternalServer("mysql://db", "u", "PW")).hasMessageStartingWith("url:");
        assertThatThrownBy(() -> new ExternalServer("jdbc:postgresql://db/so", "u", "not a name"))
                .hasMessageStartingWith("passwordEnv:");
        ExternalBackend backend = new ExternalBackend(
                Map.of("source", new ExternalServer("jdbc:sqlserver://db:1433;databaseName=so", "sa", "MISSING_PW")),
                Map.<String, String>of()::get);
        assertThatThrownBy(() -> backend.start(InstanceSpec.of("source", DatabaseEngine.POSTGRESQL, runDir)))
                .hasMessageStartingWith("engine:");
        assertThatThrownBy(() -> backend.start(InstanceSpec.of("source", DatabaseEngine.SQLSERVER, runDir)))
                .hasMessageStartingWith("external.source.passwordEnv: environment variable MISSING_PW is not set");
        assertThatThrownBy(() -> backend.start(InstanceSpec.of("target", DatabaseEngine.SQLSERVER, runDir)))
                .hasMessageStartingWith("external.target:");
    }
}
