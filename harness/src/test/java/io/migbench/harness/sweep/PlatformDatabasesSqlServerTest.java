package io.migbench.harness.sweep;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDatabasesSqlServerTest {
    @Test
    void createsTheSqlServerSourceDatabaseOnceWithSnapshotIsolationAllowed() {
        assertThat(PlatformDatabases.sqlServerCreateStatements("migbench_source", false)).containsExactly(
                "IF DB_ID(N'migbench_source') IS NULL BEGIN CREATE DATABASE [migbench_source]; "
                        + "ALTER DATABASE [migbench_source] SET ALLOW_SNAPSHOT_ISOLATION ON; "
                        + "ALTER DATABASE [migbench_source] SET RECOVERY SIMPLE END");
        assertThat(PlatformDatabases.sqlServerCreateStatements("we]ird'db", true)).as("recreate, quoted")
                .hasSize(2).first().asString()
                .isEqualTo("IF DB_ID(N'we]ird''db') IS NOT NULL BEGIN ALTER DATABASE [we]]ird'db] SET SINGLE_USER "
                        + "WITH ROLLBACK IMMEDIATE; DROP DATABASE [we]]ird'db] END");
    }
}
